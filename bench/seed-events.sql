-- Benchmark data for the public listings: tops the event table up to 1,000 published events (dialogues and walks
-- across the 17 neighbourhoods, half a year back and half a year ahead), with a few accepted invitations of a few
-- actors so that the participants query has rows to return. Run by bench/run after the API has migrated and seeded
-- the areas. Does nothing once 1,000 events exist, so a kept benchmark database is not grown run after run.
-- Contact addresses use reserved example domains.

\set ON_ERROR_STOP on

begin;

-- Two runs against one database must not both top up.
lock table event in share row exclusive mode;

insert into actor (organisation, kind, contact_email, created_at, updated_at)
select v.organisation, v.kind, v.email, now(), now()
from (values
    ('Bänk: Polisen, lokalpolisområde Globen', 'police', 'bench-police@polisen.example'),
    ('Bänk: Stadsdelsförvaltningen', 'administration', 'bench-sdf@stockholm.example'),
    ('Bänk: Fastighetsägare i söderort', 'propertyOwner', 'bench-fastighet@bostad.example'),
    ('Bänk: SL, Region Stockholm', 'publicTransport', 'bench-sl@sl.example'),
    ('Bänk: Föreningsrådet', 'association', 'bench-forening@forening.example')
) as v (organisation, kind, email)
where not exists (select 1 from actor a where a.organisation = v.organisation);

with neighbourhood as (
    select id, name, row_number() over (order by slug) - 1 as i, count(*) over () as total
    from area where kind = 'neighbourhood'
),
plan as (
    select n,
           case when n % 3 = 0 then 'walk' else 'dialogue' end as kind,
           case when n % 3 = 0 then 'onSite' else (array['onSite', 'hybrid', 'remote'])[1 + (n / 3) % 3] end as format,
           -- About three a day, from 180 days back to 185 days ahead, starting 17:00, 18:00 or 19:00 Stockholm time.
           ((current_timestamp at time zone 'Europe/Stockholm')::date + (n * 365 / 1000 - 180)
               + time '17:00' + (n % 3) * interval '1 hour') at time zone 'Europe/Stockholm' as starts_at
    from generate_series(1, greatest(0, 1000 - (select count(*) from event))::int) as n
)
insert into event (kind, slug, status, rescheduled, title, description, problem, place, area_id, format,
    venue_name, venue_address, venue_lat, venue_lon, accessibility_notes, remote_url, starts_at, ends_at,
    capacity_on_site, capacity_remote, registration_deadline, participation_level, method, agenda,
    meeting_point, meeting_lat, meeting_lon, route, light_condition, published_at, sequence, created_at, updated_at)
select p.kind,
       'bench-' || p.kind || '-' || p.n,
       'published',
       p.n % 25 = 0,
       case p.kind when 'walk' then 'Trygghetsvandring i ' else 'Trygghetsdialog i ' end || a.name || ' (' || p.n || ')',
       'Välkommen att prata om tryggheten i ' || a.name || ' med polisen, stadsdelsförvaltningen och politiker. '
           || 'Vi går igenom vad som har hänt sedan förra mötet och vad som ska göras härnäst. (Bänkdata.)',
       (array['Otrygghet kvällstid kring tunnelbanan och torget.', 'Mörka gångvägar mellan centrum och bostäderna.',
              'Klotter och skadegörelse längs huvudgatan.', 'Oro för inbrott i källarförråd och cykelrum.'])[1 + p.n % 4],
       a.name || ' centrum',
       a.id,
       p.format,
       case when p.format <> 'remote' then a.name || 's bibliotek' end,
       case when p.format <> 'remote' then 'Centrumgången ' || (1 + p.n % 40) end,
       case when p.format <> 'remote' then 59.28 + (p.n % 50) / 1000.0 end,
       case when p.format <> 'remote' then 17.98 + (p.n % 70) / 1000.0 end,
       case when p.format <> 'remote' then 'Entré utan trappsteg och hörslinga.' end,
       case when p.format <> 'onSite' then 'https://meet.example/bench-' || p.n end,
       p.starts_at,
       p.starts_at + case p.kind when 'walk' then interval '90 minutes' else interval '2 hours' end,
       case when p.format <> 'remote' then case p.kind when 'walk' then 20 else 60 end end,
       case when p.format <> 'onSite' then 150 end,
       p.starts_at - interval '1 day',
       (array['information', 'consultation', 'dialogue', 'influence', 'coDecision'])[1 + p.n % 5],
       case p.kind when 'walk' then 'Trygghetsvandring enligt Boverkets och Brås metod' else 'Öppet möte med samtal i mindre grupper' end,
       '[{"title": "Välkommen", "minutes": 10}, {"title": "Läget i området", "minutes": 20}, {"title": "Samtal", "minutes": 60}]',
       case when p.kind = 'walk' then 'Samling vid ' || a.name || ' tunnelbanestation' end,
       case when p.kind = 'walk' then 59.28 + (p.n % 50) / 1000.0 end,
       case when p.kind = 'walk' then 17.98 + (p.n % 70) / 1000.0 end,
       case when p.kind = 'walk' then jsonb_build_object('type', 'LineString', 'coordinates',
           jsonb_build_array(jsonb_build_array(round(17.98 + (p.n % 70) / 1000.0, 4)::float8, round(59.28 + (p.n % 50) / 1000.0, 4)::float8),
                             jsonb_build_array(round(17.985 + (p.n % 70) / 1000.0, 4)::float8, round(59.283 + (p.n % 50) / 1000.0, 4)::float8))) end,
       case when p.kind = 'walk' then (array['daylight', 'darkness'])[1 + p.n % 2] end,
       least(p.starts_at - interval '30 days', now()),
       case when p.n % 25 = 0 then 1 else 0 end,
       least(p.starts_at - interval '35 days', now()),
       least(p.starts_at - interval '35 days', now())
from plan p
join neighbourhood a on a.i = p.n % a.total
on conflict (slug) do nothing;

-- One to three invited actors per event; most have accepted, so the listing names them as participants.
insert into invitation (event_id, actor_id, token_hash, status, invited_at, answered_at)
select e.id, a.id, sha256(convert_to(e.slug || '/' || a.organisation, 'UTF8')),
       case when (e.seq + a.i) % 4 = 0 then 'pending' else 'accepted' end,
       e.starts_at - interval '30 days',
       case when (e.seq + a.i) % 4 = 0 then null else e.starts_at - interval '25 days' end
from (select id, slug, starts_at, row_number() over (order by slug) as seq from event where slug like 'bench-%') as e
join (select id, organisation, row_number() over (order by organisation) as i from actor where organisation like 'Bänk: %') as a
  on (e.seq + a.i) % 3 = 0 or a.i = 1 + e.seq % 5
on conflict do nothing;

commit;

select count(*) as events,
       count(*) filter (where kind = 'walk') as walks,
       (select count(*) from invitation where status = 'accepted') as accepted_invitations
from event;
