-- Events of the Police's open events API (polisen.se/api/events), one row per police event id.
create table police_event (
    id            bigint primary key,
    published_at  timestamptz not null,
    -- From the text of `name` ("18 augusti 10.42, …"): local Stockholm time, the year inferred from publication.
    incident_at   timestamptz,
    name          text not null,
    summary       text not null default '',
    url           text,
    type          text not null,
    type_raw      text not null,
    -- The kommun the event is placed in; null when the API names only a län.
    kommun        text,
    location_name text,
    gps           text,
    -- The neighbourhood named in the text, when the kommun is Stockholm.
    area_id       uuid references area (id),
    place         text,
    imported_at   timestamptz not null,
    updated_at    timestamptz not null
);

create index police_event_area_idx on police_event (area_id, incident_at) where area_id is not null;
create index police_event_kommun_idx on police_event (kommun, incident_at);
