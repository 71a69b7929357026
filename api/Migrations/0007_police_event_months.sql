-- Police events counted per month (Stockholm time), kommun, neighbourhood and type, so that a series reads a few
-- hundred rows instead of scanning the events; `type = ''` holds all types together. Kept current by the import.
create index police_event_updated_idx on police_event (updated_at);
create index police_event_incident_idx on police_event (incident_at);

create table police_event_month (
    month   date not null,
    kommun  text,
    area_id uuid references area (id),
    type    text not null,
    events  integer not null check (events >= 0)
);

create unique index police_event_month_key on police_event_month (month, kommun, area_id, type) nulls not distinct;
create index police_event_month_area_idx on police_event_month (area_id, type, month) include (events) where area_id is not null;
create index police_event_month_kommun_idx on police_event_month (kommun, type, month) include (events);

insert into police_event_month (month, kommun, area_id, type, events)
select month, kommun, area_id, coalesce(type, ''), count(*)
from (select date_trunc('month', incident_at at time zone 'Europe/Stockholm')::date as month, kommun, area_id, type
      from police_event where incident_at is not null) e
group by grouping sets ((month, kommun, area_id, type), (month, kommun, area_id));
