-- An event's public texts in another language than Swedish (docs/decisions/0021). Swedish stays in event itself; a
-- translation holds the same texts, each left out (null) where the Swedish text is shown instead. The agenda holds the
-- items' titles in the order of the Swedish agenda. source_version is the event's version the translation was written
-- against, so staff see a translation the event has been edited after.
create table event_translation (
    event_id            uuid not null references event (id) on delete cascade,
    language            text not null check (language ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' and language <> 'sv'),
    title               text not null check (length(title) between 1 and 200),
    description         text check (length(description) <= 10000),
    problem             text check (length(problem) <= 4000),
    place               text check (length(place) <= 500),
    method              text check (length(method) <= 500),
    venue_name          text check (length(venue_name) <= 200),
    accessibility_notes text check (length(accessibility_notes) <= 2000),
    meeting_point       text check (length(meeting_point) <= 500),
    agenda              jsonb not null default '[]' check (jsonb_typeof(agenda) = 'array'),
    source_version      integer not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (event_id, language)
);
