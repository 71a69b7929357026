-- A short survey after each dialogue and walk (docs/decisions/0020). When staff close an event, each confirmed
-- registrant with an e-mail address gets one invitation: a secret link (only its SHA-256 is stored) that expires after
-- Surveys__AnswerDays and takes one answer.
create table survey_invitation (
    id               uuid primary key,
    registration_id  uuid not null unique,
    event_id         uuid not null references event (id),
    token_hash       bytea not null unique,
    -- The questions set the invitation was sent with (Surveys__Version then).
    version          text not null check (length(version) between 1 and 50),
    sent_at          timestamptz not null,
    expires_at       timestamptz not null,
    answered_at      timestamptz,
    check (expires_at > sent_at)
);

create index survey_invitation_event_idx on survey_invitation (event_id);

-- The answers, anonymous: no reference to the invitation or the registration, so no one can be linked to what they
-- answered. One answer per invitation is kept by the invitation's answered_at, set in the same transaction.
create table survey_answer (
    id               uuid primary key,
    event_id         uuid not null references event (id),
    version          text not null check (length(version) between 1 and 50),
    safety           smallint not null check (safety between 1 and 5),
    useful           text not null check (useful in ('yes', 'partly', 'no')),
    come_again       text not null check (come_again in ('yes', 'no', 'unsure')),
    -- What the district should do first: public only once a moderator approved it.
    priority         text check (length(priority) between 1 and 500),
    priority_status  text check (priority_status in ('pending', 'approved', 'rejected')),
    reviewed_at      timestamptz,
    answered_at      timestamptz not null,
    check ((priority is null) = (priority_status is null))
);

create index survey_answer_event_idx on survey_answer (event_id);
create index survey_answer_pending_idx on survey_answer (answered_at, id) where priority_status = 'pending';

-- Messages inviting to a survey are about a registration (outbox.registration_id): erasing it drops them if unsent.
