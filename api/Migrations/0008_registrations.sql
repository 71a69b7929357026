-- Registrations of residents to dialogues and walks, without an account. Personal data (email, name, needs) is
-- erased a set time after the event; the row, its mode, status and attendance remain for the statistics.
create table registration (
    id               uuid primary key,
    event_id         uuid not null references event (id) on delete cascade,
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

create index idempotency_key_created_idx on idempotency_key (created_at);

-- Messages about a registration, so that erasing it erases them too.
alter table outbox add column registration_id uuid;
create index outbox_registration_idx on outbox (registration_id) where registration_id is not null;

-- Running counts of places taken and waiting per event and mode, spread over 64 rows per mode (by server process)
-- so that parallel registrations rarely wait on the same row. Kept by a trigger on every change of a registration's
-- status or mode; the sum over the rows is exact in any snapshot. Registrations read it instead of counting rows.
create table registration_tally (
    event_id    uuid not null references event (id) on delete cascade,
    mode        text not null,
    shard       smallint not null,
    confirmed   integer not null default 0,
    waitlisted  integer not null default 0,
    primary key (event_id, mode, shard)
) with (fillfactor = 10); -- room on every page, so each read prunes the old row versions (HOT) and the table stays a few pages

create function registration_tally_change() returns trigger language plpgsql as $$
declare
    bucket smallint := pg_backend_pid() % 64;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status <> 'cancelled' then
        insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
        values (old.event_id, old.mode, bucket, -(old.status = 'confirmed')::int, -(old.status = 'waitlisted')::int)
        on conflict (event_id, mode, shard) do update
            set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted;
    end if;
    if tg_op in ('UPDATE', 'INSERT') and new.status <> 'cancelled' then
        insert into registration_tally as t (event_id, mode, shard, confirmed, waitlisted)
        values (new.event_id, new.mode, bucket, (new.status = 'confirmed')::int, (new.status = 'waitlisted')::int)
        on conflict (event_id, mode, shard) do update
            set confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted;
    end if;
    return null;
end
$$;

create trigger registration_tally after insert or delete or update of status, mode on registration
    for each row execute function registration_tally_change();
