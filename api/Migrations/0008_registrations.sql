-- Registrations of residents to dialogues and walks, without an account. Personal data (email, name, needs) is
-- erased a set time after the event; the row, its mode, status and attendance remain for the statistics.
-- event_id has no foreign key on purpose: its check would lock the one event row (FOR KEY SHARE) from every parallel
-- registration, and events are never deleted; a registration is only written by a statement that reads its event
-- under the event's lock (docs/decisions/0008).
create table registration (
    id               uuid primary key,
    event_id         uuid not null,
    -- First come, first served: the order of the waitlist and of promotion.
    queue            bigint generated always as identity,
    mode             text not null check (mode in ('onSite', 'remote')),
    status           text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
    email            text check (length(email) <= 320),
    name             text check (length(name) <= 200),
    needs            text check (length(needs) <= 1000),
    consent_version  text not null check (length(consent_version) between 1 and 50),
    language         text not null default 'sv' check (language in ('sv', 'en')),
    -- The secret manage link (SHA-256 only); the reminder e-mail carries a second one.
    token_hash       bytea not null unique,
    reminder_token_hash bytea,
    check_in_code    text not null check (check_in_code ~ '^[A-Z0-9]{8}$'),
    checked_in_at    timestamptz,
    joined_at        timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    promoted_at      timestamptz,
    cancelled_at     timestamptz,
    reminded_at      timestamptz,
    erased_at        timestamptz,
    unique (event_id, check_in_code),
    constraint registration_erased check (erased_at is null or (email is null and name is null and needs is null))
);

create index registration_event_idx on registration (event_id, queue);
create index registration_waitlist_idx on registration (event_id, mode, queue) where status = 'waitlisted';
create unique index registration_reminder_token_idx on registration (reminder_token_hash) where reminder_token_hash is not null;

-- Idempotency keys of public POSTs: the first response, encrypted with a key derived from the client's
-- Idempotency-Key (which the server does not keep), so a retry gets the same answer and the stored copy
-- reveals nothing. Kept for a day.
create table idempotency_key (
    key_hash      bytea primary key,
    operation     text not null,
    request_hash  bytea not null,
    status        integer not null,
    response      bytea not null,
    created_at    timestamptz not null
);

-- Rows arrive in time order, so a BRIN index finds the expired ones at a fraction of a B-tree's cost per insert.
create index idempotency_key_created_idx on idempotency_key using brin (created_at);

-- Messages about a registration, so that erasing it erases them too.
alter table outbox add column registration_id uuid;
create index outbox_registration_idx on outbox (registration_id) where registration_id is not null;

-- Running counts of places taken and waiting per event and mode, spread over 64 rows per mode (by server process)
-- so that parallel registrations rarely wait on the same row; the sum over the rows is exact in any snapshot.
-- Every statement that changes a registration's status or mode adjusts it in the same transaction
-- (RegistrationQueue.AdjustTally). Registrations read it instead of counting rows.
create table registration_tally (
    event_id    uuid not null references event (id) on delete cascade,
    mode        text not null check (mode in ('onSite', 'remote')),
    shard       smallint not null,
    confirmed   integer not null default 0,
    waitlisted  integer not null default 0,
    primary key (event_id, mode, shard)
) with (fillfactor = 10); -- room on every page, so each read prunes the old row versions (HOT) and the table stays a few pages
