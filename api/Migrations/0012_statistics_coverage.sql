-- Which periods each statistics source covers, so that a period without figures reads as unknown, never as zero.
-- Police: one row per stretch of time its imports covered (from the oldest to the newest event's incident time, or to
-- the "covered until" instant a fetch passes), overlapping stretches merged. BRÅ and the survey: one row per
-- calendar period their files hold figures for, per area and unit.
create table statistics_coverage (
    id           bigint generated always as identity primary key,
    source       text not null check (source in ('police', 'bra', 'survey')),
    -- null: the record covers every area of the source (a police import covers all of them at once).
    area_id      uuid references area (id),
    -- 'instant': a stretch of time; 'month' / 'year': a whole calendar period (Stockholm time).
    granularity  text not null check (granularity in ('instant', 'month', 'year')),
    -- BRÅ: 'count' or 'per100k'; '' where the source has one unit.
    unit         text not null default '',
    period_start timestamptz not null,
    -- Exclusive for calendar periods; the last covered instant for a stretch.
    period_end   timestamptz not null,
    recorded_at  timestamptz not null,
    check (period_end >= period_start)
);

create unique index statistics_coverage_key on statistics_coverage (source, area_id, granularity, unit, period_start, period_end) nulls not distinct;
create index statistics_coverage_source_idx on statistics_coverage (source, area_id, unit, period_start);

-- What was imported before coverage was recorded covers what its rows show: BRÅ and survey figures their periods,
-- police events the stretch from the oldest to the newest incident.
insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
select distinct 'bra', area_id, case when month = 0 then 'year' else 'month' end, unit,
       make_date(year, greatest(month, 1), 1)::timestamp at time zone 'Europe/Stockholm',
       (make_date(year, greatest(month, 1), 1) + case when month = 0 then interval '1 year' else interval '1 month' end)::timestamp
           at time zone 'Europe/Stockholm',
       now()
from crime_statistic;

insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
select distinct 'survey', area_id, 'year', '', make_date(year, 1, 1)::timestamp at time zone 'Europe/Stockholm',
       make_date(year + 1, 1, 1)::timestamp at time zone 'Europe/Stockholm', now()
from survey_indicator;

insert into statistics_coverage (source, area_id, granularity, unit, period_start, period_end, recorded_at)
select 'police', null, 'instant', '', min(incident_at), max(incident_at), now()
from police_event
having count(incident_at) > 0;

-- The monthly counts follow the events whoever writes them (an import, a fetch, a migration, a bulk load): each
-- statement's changed rows are added to or taken from their months. Until now only the import kept them, so rows
-- written another way (the benchmark's million, a correction by hand) were missing from every series. A month whose
-- events all left keeps its row, at 0. Transition tables exist only for the trigger's own event, hence three branches.
create function police_event_month_apply() returns trigger language plpgsql as $$
begin
    -- MERGE rather than INSERT … ON CONFLICT: a negative change would fail the row's check before the conflict is found.
    if tg_op = 'INSERT' then
        merge into police_event_month m
        using (select month, kommun, area_id, coalesce(type, '') as type, sum(delta)::int as delta
               from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type, delta
                     from (select incident_at, kommun, area_id, type, 1 as delta from new_rows) changed where incident_at is not null) e
               group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id))) d
        on m.month = d.month and m.kommun is not distinct from d.kommun and m.area_id is not distinct from d.area_id and m.type = d.type
        when matched and d.delta <> 0 then update set events = m.events + d.delta
        when not matched and d.delta <> 0 then insert (month, kommun, area_id, type, events) values (d.month, d.kommun, d.area_id, d.type, d.delta);
    elsif tg_op = 'DELETE' then
        merge into police_event_month m
        using (select month, kommun, area_id, coalesce(type, '') as type, sum(delta)::int as delta
               from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type, delta
                     from (select incident_at, kommun, area_id, type, -1 as delta from old_rows) changed where incident_at is not null) e
               group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id))) d
        on m.month = d.month and m.kommun is not distinct from d.kommun and m.area_id is not distinct from d.area_id and m.type = d.type
        when matched and d.delta <> 0 then update set events = m.events + d.delta
        when not matched and d.delta <> 0 then insert (month, kommun, area_id, type, events) values (d.month, d.kommun, d.area_id, d.type, d.delta);
    else
        merge into police_event_month m
        using (select month, kommun, area_id, coalesce(type, '') as type, sum(delta)::int as delta
               from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type, delta
                     from (select incident_at, kommun, area_id, type, 1 as delta from new_rows
                           union all select incident_at, kommun, area_id, type, -1 from old_rows) changed where incident_at is not null) e
               group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id))) d
        on m.month = d.month and m.kommun is not distinct from d.kommun and m.area_id is not distinct from d.area_id and m.type = d.type
        when matched and d.delta <> 0 then update set events = m.events + d.delta
        when not matched and d.delta <> 0 then insert (month, kommun, area_id, type, events) values (d.month, d.kommun, d.area_id, d.type, d.delta);
    end if;
    return null;
end;
$$;

create trigger police_event_month_insert after insert on police_event
    referencing new table as new_rows for each statement execute function police_event_month_apply();
create trigger police_event_month_update after update on police_event
    referencing old table as old_rows new table as new_rows for each statement execute function police_event_month_apply();
create trigger police_event_month_delete after delete on police_event
    referencing old table as old_rows for each statement execute function police_event_month_apply();

-- Counted afresh from the events, as migration 0007 did.
truncate police_event_month;
insert into police_event_month (month, kommun, area_id, type, events)
select month, kommun, area_id, coalesce(type, ''), count(*)
from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type
      from police_event where incident_at is not null) e
group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id));

analyze police_event_month;
