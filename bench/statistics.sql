-- Benchmark data for the crime series: 1,000,000 synthetic police events over the last 10 years, ids from
-- 10,000,001 up so that they never meet a real id of the Police's API (six digits today). Run by bench/statistics
-- after the API has migrated and seeded the areas. Does nothing once the 1,000,000 rows exist, so a kept benchmark
-- database is filled once; when fewer synthetic rows are there, they are replaced.
--
-- Shape, from pseudo-random draws with a fixed seed (every fill is the same table, up to the date it is run on):
--   60 %  in one of the 17 Hägersten-Älvsjö neighbourhoods (area_id set, kommun 'Stockholm'), evenly spread;
--   20 %  elsewhere in Stockholm (area_id null, kommun 'Stockholm');
--   20 %  in other kommuner (area_id null).
-- Rows are written in time order, as ten years of daily imports would have written them, so that one month's rows
-- sit together on disk. The monthly counts (police_event_month) follow by the table's triggers, as for any writer;
-- the stretch the events span is recorded as covered. Prints one line at the end: "<synthetic rows> <all rows>".

\set ON_ERROR_STOP on
\set synthetic 1000000

begin;

-- Two runs against one database must not both fill.
lock table police_event in share row exclusive mode;

select count(*) < :synthetic as fill from police_event where id > 10000000 \gset

\if :fill
delete from police_event where id > 10000000;

select setseed(0.20261126);

with span as (
    -- In days and seconds rather than months, so that the ten years are spread evenly; ending three hours ago, so
    -- that no event is published in the future.
    select now() - interval '10 years' as start, now() - interval '3 hours' - (now() - interval '10 years') as length
),
neighbourhood as (
    select array_agg(id order by slug) as ids, array_agg(name order by slug) as names, count(*)::int as total
    from area where kind = 'neighbourhood'
),
draw as (
    -- Each draw is taken once per row here, so that the columns derived from one draw below (neighbourhood and
    -- kommun both from `place`) agree with each other.
    select n, random() as place, random() as kind, random() as jitter, random() as delay
    from generate_series(1, :synthetic) as n
),
planned as (
    select d.n,
           -- Evenly over ten years up to now, oldest first, each row moved up to two hours earlier.
           s.start + (d.n - 1) * (s.length / :synthetic) - d.jitter * interval '2 hours' as incident_at,
           d.delay,
           case when d.place < 0.6 then 1 + floor(d.place / 0.6 * nb.total)::int end as neighbourhood,
           case when d.place < 0.8 then 'Stockholm'
                else (array['Göteborg', 'Malmö', 'Uppsala', 'Solna', 'Nacka', 'Huddinge', 'Södertälje', 'Västerås'])[1 + floor((d.place - 0.8) / 0.2 * 8)::int]
           end as kommun,
           (array['Stöld', 'Misshandel', 'Trafikolycka', 'Brand', 'Inbrott', 'Skadegörelse', 'Rån', 'Bedrägeri', 'Narkotikabrott', 'Ofredande/förargelse'])[1 + floor(d.kind * 10)::int] as type
    from draw d cross join neighbourhood nb cross join span s
)
insert into police_event (id, published_at, incident_at, name, summary, url, type, type_raw, kommun, location_name, gps,
                          area_id, place, imported_at, updated_at)
select 10000000 + p.n,
       p.incident_at + (10 + p.delay * 170) * interval '1 minute',
       p.incident_at,
       to_char(p.incident_at at time zone 'Europe/Stockholm', 'FMDD Mon HH24.MI') || ', ' || p.type || ', ' || coalesce(nb.names[p.neighbourhood], p.kommun),
       'Syntetisk händelse för prestandamätningen av brottsstatistiken.',
       '/aktuellt/handelser/bench/' || (10000000 + p.n),
       p.type,
       p.type,
       p.kommun,
       p.kommun,
       case when p.kommun = 'Stockholm' then '59.329324,18.068581' else '57.70887,11.97456' end,
       nb.ids[p.neighbourhood],
       nb.names[p.neighbourhood],
       now(),
       now()
from planned p cross join neighbourhood nb;
\endif

commit;

-- Fresh statistics for the planner (for both tables: the monthly counts grew by the triggers), and the visibility map that a table this old would long have had from
-- autovacuum (without it the first measurements would pay for setting hint bits and could not use index-only scans).
\if :fill
vacuum (analyze) police_event;
vacuum (analyze) police_event_month;
\endif

-- What ten years of daily imports would have recorded as covered: the stretch of the synthetic events. Without it
-- every period would read as not covered, and the series would count nothing.
insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
select 'police', null, 'instant', '', min(incident_at), max(incident_at), now() from police_event where id > 10000000
on conflict do nothing;

select count(*) filter (where id > 10000000), count(*) from police_event;
