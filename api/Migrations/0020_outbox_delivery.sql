-- Delivery at scale, exactly once. The dispatcher claims rows with a lease (claimed_until, on the database's clock) in a
-- short committed transaction and commits each message's sent_at as soon as the mail server has taken it, so a crash
-- re-sends only the messages that were in flight; a lease left by a crashed instance expires and the row is claimed
-- again.
alter table outbox add column claimed_until timestamptz;

-- The Message-ID of the message: the same when a message is sent again after a crash, so that receivers can drop the
-- repeat. Set by default for every new row; rows already sent keep none (nothing sends them again), so that adding the
-- column does not rewrite the table.
alter table outbox add column message_id uuid;
alter table outbox alter column message_id set default gen_random_uuid();
update outbox set message_id = gen_random_uuid() where sent_at is null;
