-- The scheduled fetch of the Police's open events API: one row shared by every instance. `started_at` is the claim
-- (an instance fetches only when the last fetch of any instance started an interval ago or more); the rest is the
-- status shown to staff.
create table police_fetch (
    id              smallint primary key default 1 check (id = 1),
    started_at      timestamptz,
    succeeded_at    timestamptz,
    failed_at       timestamptz,
    error           text,
    -- The newest publication time among all police events after the last successful fetch.
    newest_event_at timestamptz,
    fetches         integer not null default 0,
    failures        integer not null default 0,
    events_imported bigint not null default 0,
    -- The import report of the last successful fetch.
    received        integer,
    imported        integer,
    updated         integer,
    unchanged       integer,
    skipped         integer
);

-- The newest police data, for the status and the readiness check.
create index police_event_published_idx on police_event (published_at);
