-- Questions residents put to a dialogue, their moderation, answers and votes, and the live stream of changes.

-- Pre-moderation (every question waits for a moderator) is the default; post-moderation publishes at once what
-- the confidentiality filter does not flag.
alter table event add column question_moderation text not null default 'pre' check (question_moderation in ('pre', 'post'));

create table question (
    id                  uuid primary key,
    event_id            uuid not null references event (id),
    text                text not null check (length(text) between 3 and 1000),
    -- The text as asked, when a moderator redacted it: for admins only.
    original_text       text check (length(original_text) between 3 and 1000),
    display_name        text check (length(display_name) between 1 and 60),
    addressee_kind      text check (addressee_kind in ('police', 'politician', 'administration', 'propertyOwner',
                                                       'publicTransport', 'school', 'association', 'other')),
    addressee_actor_id  uuid references actor (id),
    status              text not null check (status in ('pending', 'published', 'rejected', 'hidden', 'merged')),
    -- What the confidentiality filter found in the current text (JSON array of {kind, start, length}).
    flags               jsonb not null default '[]' check (jsonb_typeof(flags) = 'array'),
    reject_reason       text check (length(reject_reason) between 1 and 1000),
    merged_into         uuid references question (id),
    pinned              boolean not null default false,
    answered_live       boolean not null default false,
    votes               integer not null default 0 check (votes >= 0),
    -- The asker's private link (only its SHA-256).
    token_hash          bytea not null unique,
    asked_at            timestamptz not null,
    published_at        timestamptz,
    moderated_at        timestamptz,
    updated_at          timestamptz not null,
    version             integer not null default 1,
    constraint question_merged check ((status = 'merged') = (merged_into is not null)),
    constraint question_rejected check (status <> 'rejected' or reject_reason is not null)
);

create index question_queue_idx on question (event_id, asked_at) where status = 'pending';
create index question_public_idx on question (event_id, pinned desc, votes desc, published_at) where status = 'published';

create table question_answer (
    id           uuid primary key,
    question_id  uuid not null references question (id),
    -- Null when the question was answered live, in the room, without a written answer.
    text         text check (length(text) between 1 and 4000),
    live         boolean not null,
    author_kind  text not null check (author_kind in ('actor', 'staff')),
    actor_id     uuid references actor (id),
    -- Who answered, as the public sees it: an organisation, never a person's account.
    author       text not null,
    answered_at  timestamptz not null,
    constraint question_answer_content check (text is not null or live),
    constraint question_answer_actor check ((author_kind = 'actor') = (actor_id is not null))
);

create index question_answer_question_idx on question_answer (question_id, answered_at);

-- Voter tokens the API issued (SHA-256 only): a vote needs one, and each token counts once per question.
create table voter_token (
    token_hash  bytea primary key,
    issued_at   timestamptz not null
);

create index voter_token_issued_idx on voter_token using brin (issued_at);

create table question_vote (
    question_id  uuid not null references question (id),
    voter_hash   bytea not null,
    voted_at     timestamptz not null,
    primary key (question_id, voter_hash)
);

-- The live stream of a dialogue, one per audience ('public', 'moderators'). Each change gets the next number of
-- its stream under the head row's lock, so numbers are dense and in commit order: a client that reconnects with
-- Last-Event-ID n receives exactly what came after n.
create table question_stream_head (
    event_id  uuid not null references event (id),
    audience  text not null check (audience in ('public', 'moderators')),
    last_seq  bigint not null,
    primary key (event_id, audience)
);

create table question_stream_event (
    event_id     uuid not null,
    audience     text not null,
    seq          bigint not null,
    kind         text not null,
    question_id  uuid not null,
    payload      jsonb not null,
    at           timestamptz not null,
    primary key (event_id, audience, seq)
);
