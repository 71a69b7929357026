-- Some messages are sent to an address given for that one message only (a question's private link e-mailed to
-- oneself): the address is kept until the message is sent or given up, then erased with the body.
alter table outbox add column keep_recipient boolean not null default true;
