-- Where one request of the police series spends its time in the database: the four statements that
-- GetCrimeSeriesHandler (api/Features/Statistics/GetCrimeSeries.cs, the coverage from CoverageStore.cs) runs for a neighbourhood, each on its own, timed
-- with \timing, followed by their plans. Run by bench/statistics with -v area=SLUG -v from=YYYY-MM-DD -v to=YYYY-MM-DD
-- (the endpoint's parameters).
--
-- The API's Npgsql prepares a statement on its fifth use; PostgreSQL then plans the first five executions of it
-- with the parameters' values and from the sixth on may keep one generic plan, without them. Each statement is
-- therefore prepared here with the types Npgsql sends (text, date, uuid) and executed ten
-- times: five to reach the plan the API keeps, five timed. The SQL must stay the API's, character for character
-- apart from $n for @Name: copy it again when GetCrimeSeries.cs or CoverageStore.cs changes.
--
-- Output: lines "== NAME" before each statement's timed runs (psql's "Time: … ms"), then its plan, then which kind
-- of plan PostgreSQL kept.

\set ON_ERROR_STOP on

-- The handler's range: from the first month of `from`, one year earlier (for the previous year's figures), up to
-- the month after `to`.
select (date_trunc('month', :'from'::timestamp) - interval '1 year')::timestamp as range_from,
       (date_trunc('month', :'to'::timestamp) + interval '1 month')::timestamp as range_until \gset
select id as area_id from area where slug = :'area' \gset

-- $1 @Unit, $2 @From, $3 @Until, $4 @Category, $5 @AreaId.
prepare own (text, date, date, text, uuid) as
            select date_trunc($1, month::timestamp) as start, sum(events)::bigint
            from police_event_month
            where area_id in (select id from area where id = $5 or parent_id = $5) and type = $4 and month >= $2 and month < $3
            group by 1;

prepare city (text, date, date, text) as
            select date_trunc($1, month::timestamp) as start, sum(events)::bigint
            from police_event_month
            where kommun = 'Stockholm' and type = $4 and month >= $2 and month < $3
            group by 1;

prepare stamp as select updated_at from police_event order by updated_at desc limit 1;

prepare coverage as
            select period_start as "From", period_end as "Until" from statistics_coverage
            where source = 'police' and area_id is null order by period_start;

\o /dev/null
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute stamp;
execute stamp;
execute stamp;
execute stamp;
execute stamp;
execute coverage;
execute coverage;
execute coverage;
execute coverage;
execute coverage;
\o

\timing on
\echo == own
\o /dev/null
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
execute own ('month', :'range_from', :'range_until', '', :'area_id');
\o
\echo == city
\o /dev/null
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
execute city ('month', :'range_from', :'range_until', '');
\o
\echo == stamp
\o /dev/null
execute stamp;
execute stamp;
execute stamp;
execute stamp;
execute stamp;
\o
\echo == coverage
\o /dev/null
execute coverage;
execute coverage;
execute coverage;
execute coverage;
execute coverage;
\o
\timing off

\echo == plans (EXPLAIN (ANALYZE, BUFFERS), the plan kept after ten executions)
explain (analyze, buffers) execute own ('month', :'range_from', :'range_until', '', :'area_id');
explain (analyze, buffers) execute city ('month', :'range_from', :'range_until', '');
explain (analyze, buffers) execute stamp;
explain (analyze, buffers) execute coverage;

\echo == plan kinds: name, parameters, executions with a generic plan, executions with a custom plan
select name, cardinality(parameter_types), generic_plans, custom_plans from pg_prepared_statements order by name;
