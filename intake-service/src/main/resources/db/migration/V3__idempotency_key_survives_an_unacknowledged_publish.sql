-- An Idempotency-Key is no longer deleted when the broker does not acknowledge its event in time: the event may
-- have been written all the same, so a retry must publish the same request (same request id, same event id,
-- same submittedAt) for consumers to drop the copy. The key now moves PENDING -> COMPLETED, or PENDING ->
-- PUBLISH_FAILED -> PENDING (a retry takes it over at once) -> ...; reserved_at stays the time the request was
-- first submitted, and the attempt in flight is dated by attempt_started_at (null: the first attempt, begun at
-- reserved_at), which a repeat compares with idempotency-pending-timeout to take over an attempt that died.
alter table idempotency_key add column attempt_started_at timestamp with time zone;
