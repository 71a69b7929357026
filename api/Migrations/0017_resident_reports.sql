-- Residents report observations without an account, optionally with an e-mail address to follow the report and a photo.

alter table observation drop constraint observation_reporter_kind_check;
alter table observation add constraint observation_reporter_kind_check
    check (reporter_kind in ('staff', 'actor', 'participant', 'open311', 'resident'));

-- The reporter's address is personal data: never public, erased with the photo by retention or on request.
alter table observation
    add column reporter_email          text check (length(reporter_email) <= 320),
    add column personal_data_erased_at timestamptz;

-- A report's photo, re-encoded on arrival (no metadata survives) with its thumbnail. Stored in the database so that
-- erasing it is part of the same transaction as the rest of the report's personal data, and pg_dump backs it up.
-- Held until staff have looked at it; a removed photo is deleted, not hidden.
create table observation_photo (
    observation_id  uuid primary key references observation (id) on delete cascade,
    status          text not null check (status in ('held', 'cleared')),
    -- A hash of the stored image: the public address carries it, so that the image can be cached for ever.
    version         text not null,
    image           bytea not null,
    width           integer not null check (width > 0),
    height          integer not null check (height > 0),
    thumbnail       bytea not null,
    thumb_width     integer not null check (thumb_width > 0),
    thumb_height    integer not null check (thumb_height > 0),
    created_at      timestamptz not null,
    reviewed_at     timestamptz
);

create index observation_photo_held_idx on observation_photo (created_at) where status = 'held';
create index observation_resident_idx on observation (updated_at) where reporter_kind = 'resident' and personal_data_erased_at is null;
