-- Safety-survey indicators (trygghetsmätningar), entered by staff from the published reports.
create table survey_indicator (
    id          bigint generated always as identity primary key,
    area_id     uuid not null references area (id),
    year        integer not null check (year between 1950 and 2200),
    indicator   text not null check (length(indicator) between 1 and 300),
    value       numeric not null,
    unit        text not null check (length(unit) between 1 and 50),
    source      text not null check (length(source) between 1 and 500),
    imported_at timestamptz not null,
    updated_at  timestamptz not null,
    unique (area_id, year, indicator)
);
