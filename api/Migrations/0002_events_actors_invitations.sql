-- Actors: organisations invited to dialogues and walks. Contact data is for staff only.
create table actor (
    id            uuid primary key default gen_random_uuid(),
    organisation  text not null check (length(organisation) between 1 and 200),
    kind          text not null check (kind in ('police', 'politician', 'administration', 'propertyOwner',
                                               'publicTransport', 'school', 'association', 'other')),
    contact_name  text check (length(contact_name) <= 200),
    contact_email text check (length(contact_email) <= 320),
    contact_phone text check (length(contact_phone) <= 50),
    version       integer not null default 1,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create index actor_kind_idx on actor (kind, organisation);

-- Events: the one core of safety dialogues and safety walks.
create table event (
    id                     uuid primary key default gen_random_uuid(),
    kind                   text not null check (kind in ('dialogue', 'walk')),
    slug                   text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status                 text not null default 'draft' check (status in ('draft', 'published', 'cancelled', 'closed')),
    rescheduled            boolean not null default false,
    title                  text not null check (length(title) between 1 and 200),
    description            text not null default '' check (length(description) <= 10000),
    problem                text not null default '' check (length(problem) <= 4000),
    place                  text not null default '' check (length(place) <= 500),
    area_id                uuid not null references area (id),
    format                 text not null check (format in ('onSite', 'remote', 'hybrid')),
    venue_name             text check (length(venue_name) <= 200),
    venue_address          text check (length(venue_address) <= 500),
    venue_lat              double precision check (venue_lat between -90 and 90),
    venue_lon              double precision check (venue_lon between -180 and 180),
    accessibility_notes    text check (length(accessibility_notes) <= 2000),
    remote_url             text check (length(remote_url) <= 2000),
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    capacity_on_site       integer check (capacity_on_site >= 0),
    capacity_remote        integer check (capacity_remote >= 0),
    registration_deadline  timestamptz,
    participation_level    text not null check (participation_level in ('information', 'consultation', 'dialogue', 'influence', 'coDecision')),
    method                 text not null default '' check (length(method) <= 500),
    agenda                 jsonb not null default '[]' check (jsonb_typeof(agenda) = 'array'),
    -- Walks only.
    meeting_point          text check (length(meeting_point) <= 500),
    meeting_lat            double precision check (meeting_lat between -90 and 90),
    meeting_lon            double precision check (meeting_lon between -180 and 180),
    route                  jsonb,
    light_condition        text check (light_condition in ('daylight', 'darkness')),
    linked_dialogue_id     uuid references event (id),
    follow_up_event_id     uuid references event (id),
    repeat_walk_planned_on date,
    -- Lifecycle.
    cancel_reason          text check (length(cancel_reason) <= 2000),
    cancelled_at           timestamptz,
    published_at           timestamptz,
    publish_override       text,
    closed_at              timestamptz,
    minutes                text check (length(minutes) <= 20000),
    participants_on_site   integer check (participants_on_site >= 0),
    participants_remote    integer check (participants_remote >= 0),
    feedback_raised        text check (length(feedback_raised) <= 20000),
    feedback_actions       text check (length(feedback_actions) <= 20000),
    -- iCalendar SEQUENCE: incremented on every change seen by the public.
    sequence               integer not null default 0,
    version                integer not null default 1,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint event_ends_after_start check (ends_at > starts_at),
    constraint event_deadline_before_end check (registration_deadline is null or registration_deadline <= ends_at),
    constraint event_walk_fields check (kind = 'walk' or (route is null and light_condition is null and meeting_point is null
                                                         and linked_dialogue_id is null and repeat_walk_planned_on is null)),
    constraint event_cancel_reason check ((status = 'cancelled') = (cancel_reason is not null))
);

create index event_public_idx on event (starts_at, id) where status <> 'draft';
create index event_area_idx on event (area_id, starts_at);

-- Invitations of actors to events, answered through a secret link (only its SHA-256 is stored).
create table invitation (
    id           uuid primary key default gen_random_uuid(),
    event_id     uuid not null references event (id) on delete cascade,
    actor_id     uuid not null references actor (id),
    token_hash   bytea not null unique,
    status       text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
    note         text check (length(note) <= 2000),
    invited_at   timestamptz not null,
    answered_at  timestamptz,
    reminded_at  timestamptz,
    unique (event_id, actor_id)
);

-- Transactional outbox: messages written in the transaction of the change, sent later with retries.
create table outbox (
    id            bigint generated always as identity primary key,
    kind          text not null,
    recipient     text not null,
    subject       text not null,
    body          text not null,
    calendar      text,
    created_at    timestamptz not null,
    available_at  timestamptz not null,
    attempts      integer not null default 0,
    sent_at       timestamptz,
    last_error    text
);

create index outbox_pending_idx on outbox (available_at) where sent_at is null;
