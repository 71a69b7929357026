-- A resident who gave an e-mail address with a report follows it: an acknowledgement, then an e-mail on each public
-- change, each with a link to stop following. The e-mails are written in the language the report was made in.
alter table observation add column reporter_language text check (reporter_language in ('sv', 'en'));

-- The stop-following links: a new one in each e-mail (only the SHA-256 of the secret is stored, so a link cannot be
-- sent again). Any of them erases the address; they are kept afterwards, so that using one again still answers.
create table observation_follow_link (
    token_hash      bytea primary key,
    observation_id  uuid not null references observation (id) on delete cascade,
    issued_at       timestamptz not null
);

create index observation_follow_link_observation_idx on observation_follow_link (observation_id);

-- Messages about a followed report: erasing the address drops those not yet sent.
alter table outbox add column observation_id uuid;
create index outbox_observation_idx on outbox (observation_id) where observation_id is not null;
