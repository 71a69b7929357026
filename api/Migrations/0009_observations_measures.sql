-- Observations (iakttagelser) made on safety walks, their follow-up, the measures (trygghetsskapande åtgärder)
-- that answer them, and the keys of Open311 clients.

-- The categories residents and staff choose from, each mapped to the Safetipin safety-audit parameter it affects.
create table observation_category (
    code                 text primary key,
    name_sv              text not null,
    name_en              text not null,
    description          text not null,
    safetipin_parameter  text not null,
    sort                 integer not null
);

insert into observation_category (code, name_sv, name_en, description, safetipin_parameter, sort) values
    ('lighting', 'Belysning', 'Lighting', 'Trasig, svag eller bländande belysning; mörka partier.', 'lighting', 1),
    ('sightLines', 'Sikt och skymda platser', 'Sight lines and hidden spots', 'Platser där man inte ser eller syns, återvändsgränder, skymda hörn.', 'openness', 2),
    ('vegetation', 'Växtlighet', 'Vegetation', 'Buskar och träd som skymmer sikt eller ljus.', 'openness', 3),
    ('litter', 'Nedskräpning', 'Litter', 'Skräp, fulla papperskorgar, dumpat avfall.', 'security', 4),
    ('graffiti', 'Klotter och skadegörelse', 'Graffiti and vandalism', 'Klotter, krossat glas, förstörd utrustning.', 'security', 5),
    ('walkingPaths', 'Gångvägar', 'Walking paths', 'Trasiga, hala eller otydliga gångvägar och passager.', 'walkPath', 6),
    ('publicTransport', 'Kollektivtrafik', 'Public transport', 'Hållplatser, stationer och vägen dit.', 'publicTransport', 7),
    ('emptyPremises', 'Tomma lokaler', 'Empty premises', 'Tomma eller igenbommade lokaler och fasader utan liv.', 'visibility', 8),
    ('traffic', 'Trafik', 'Traffic', 'Farliga korsningar, fortkörning, trafikmiljö.', 'walkPath', 9),
    ('other', 'Annat', 'Other', 'Annat som påverkar tryggheten.', 'feeling', 10);

create table observation (
    id                    uuid primary key default gen_random_uuid(),
    -- The public number, also the Open311 service_request_id.
    number                bigint generated always as identity unique,
    category              text not null references observation_category (code),
    description           text not null check (length(description) between 3 and 4000),
    severity              smallint not null check (severity between 1 and 3),
    lat                   double precision not null check (lat between -90 and 90),
    lon                   double precision not null check (lon between -180 and 180),
    area_id               uuid not null references area (id),
    walk_id               uuid references event (id),
    -- Who reported it (staff subject, actor id or registration id) is for staff only, never public.
    reporter_kind         text not null check (reporter_kind in ('staff', 'actor', 'participant', 'open311')),
    reporter_ref          text not null,
    responsible_actor_id  uuid references actor (id),
    deadline              date,
    status                text not null default 'reported' check (status in
                              ('reported', 'investigating', 'planned', 'inProgress', 'fixed', 'notResponsible', 'duplicate', 'closed')),
    status_note           text check (length(status_note) <= 2000),
    duplicate_of          uuid references observation (id),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    fixed_at              timestamptz,
    constraint observation_duplicate check ((status = 'duplicate') = (duplicate_of is not null))
);

create index observation_area_idx on observation (area_id, created_at desc);
create index observation_walk_idx on observation (walk_id) where walk_id is not null;
create index observation_actor_idx on observation (responsible_actor_id) where responsible_actor_id is not null;
create index observation_updated_idx on observation (updated_at);

-- The public history of an observation: every status change and assignment, with its date and note.
create table observation_history (
    id              bigint generated always as identity primary key,
    observation_id  uuid not null references observation (id) on delete cascade,
    at              timestamptz not null,
    status          text not null,
    note            text,
    responsible     text,
    deadline        date
);

create index observation_history_idx on observation_history (observation_id, id);
create index observation_history_at_idx on observation_history (at);

create table measure (
    id                    uuid primary key default gen_random_uuid(),
    title                 text not null check (length(title) between 3 and 200),
    description           text not null check (length(description) <= 10000),
    area_id               uuid not null references area (id),
    responsible_actor_id  uuid references actor (id),
    status                text not null check (status in ('planned', 'inProgress', 'completed', 'cancelled')),
    starts_on             date,
    completed_on          date,
    version               integer not null default 1,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create index measure_area_idx on measure (area_id, created_at desc);

create table measure_observation (
    measure_id      uuid not null references measure (id) on delete cascade,
    observation_id  uuid not null references observation (id),
    primary key (measure_id, observation_id)
);

create index measure_observation_idx on measure_observation (observation_id);

create table measure_event (
    measure_id  uuid not null references measure (id) on delete cascade,
    event_id    uuid not null references event (id),
    primary key (measure_id, event_id)
);

create index measure_event_idx on measure_event (event_id);

-- Keys of Open311 clients (issued by admins; only the SHA-256 is kept).
create table open311_key (
    id          uuid primary key default gen_random_uuid(),
    name        text not null check (length(name) between 1 and 200),
    key_hash    bytea not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
