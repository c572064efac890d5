-- Consumers remember every event they applied, in the same transaction as the projection update.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamp with time zone not null
);
