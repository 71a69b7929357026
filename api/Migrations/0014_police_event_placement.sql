-- Why an event was not placed in a neighbourhood (the gazetteer's rules, see docs/placement.md): the text names no
-- place of the district, the event is in another kommun, it is a route across neighbourhoods, or the place is
-- ambiguous. Null for a placed event, and for events imported before this column existed until they are imported again.
alter table police_event
    add column unplaced_reason text
        check (unplaced_reason in ('noPlaceName', 'outsideKommun', 'route', 'ambiguous')),
    add constraint police_event_placed_or_reason check (area_id is null or unplaced_reason is null);

-- Staff list the unplaced events newest first, optionally of one reason.
create index police_event_unplaced_idx on police_event (unplaced_reason, id desc) where unplaced_reason is not null;
create index police_event_unplaced_id_idx on police_event (id desc) where unplaced_reason is not null;
