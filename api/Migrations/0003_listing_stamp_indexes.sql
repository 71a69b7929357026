-- The public listings' ETag is built from three index probes instead of a scan of every event:
-- the latest change of any event, the latest change of any actor, and the latest end that has passed.
create index event_updated_idx on event (updated_at);
create index event_ends_idx on event (ends_at);
create index actor_updated_idx on actor (updated_at);
