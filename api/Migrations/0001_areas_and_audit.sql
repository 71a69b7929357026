-- Areas: the city, its districts (stadsdelsområden) and their neighbourhoods (stadsdelar).
create table area (
    id              uuid primary key default gen_random_uuid(),
    slug            text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null check (length(name) between 1 and 200),
    kind            text not null check (kind in ('city', 'district', 'neighbourhood')),
    parent_id       uuid references area (id),
    -- GeoJSON geometry (RFC 7946, WGS84 lon/lat); null where no boundary is known.
    boundary        jsonb,
    population      integer check (population >= 0),
    population_year integer check (population_year between 1900 and 2200),
    version         integer not null default 1,
    updated_at      timestamptz not null default now(),
    constraint area_city_has_no_parent check ((kind = 'city') = (parent_id is null)),
    constraint area_population_with_year check ((population is null) = (population_year is null))
);

create index area_parent_idx on area (parent_id);

-- Who did what, and when: every staff action on a resource.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    subject     text not null,
    role        text,
    action      text not null,
    entity_type text not null,
    entity_id   text not null,
    details     jsonb
);

create index audit_log_entity_idx on audit_log (entity_type, entity_id, at);
