-- Reported crime (anmälda brott) from BRÅ: counts and rates per 100,000 inhabitants, per area and period.
create table crime_statistic (
    id                bigint generated always as identity primary key,
    source            text not null check (source in ('bra')),
    area_id           uuid not null references area (id),
    crime_parent_path text not null default '',
    crime_type        text not null check (length(crime_type) between 1 and 500),
    year              integer not null check (year between 1950 and 2200),
    -- 1–12 for a month, 0 for the whole year.
    month             integer not null default 0 check (month between 0 and 12),
    unit              text not null check (unit in ('count', 'per100k')),
    value             numeric not null check (value >= 0),
    preliminary       boolean not null,
    imported_at       timestamptz not null,
    updated_at        timestamptz not null,
    unique (source, area_id, crime_parent_path, crime_type, year, month, unit)
);

create index crime_statistic_series_idx on crime_statistic (area_id, crime_type, unit, year, month);
