-- One confidentiality policy for every free text that can become public.

-- An observation's description is screened like a question: what the filter flags is held for a moderator, and
-- public answers (lists, Atom, Open311) leave the description out until it is cleared. The place, category and
-- follow-up stay public meanwhile. A moderator's redaction keeps the text as reported for admins only.
alter table observation
    add column description_status     text not null default 'cleared' check (description_status in ('held', 'cleared')),
    add column findings               jsonb not null default '[]',
    add column original_description  text,
    add column description_reviewed_at timestamptz;

create index observation_held_idx on observation (created_at) where description_status = 'held';

-- A question's findings name the field they were found in, now that its display name is screened too.
update question set flags = (select coalesce(jsonb_agg(f || '{"field": "text"}'::jsonb), '[]'::jsonb) from jsonb_array_elements(flags) f)
where flags <> '[]'::jsonb;
