-- Stuck work and SLA warnings on the request status. status_since is when the request reached its status (the
-- submission for SUBMITTED): the stall sweep compares it with fasttrack.intake.stall-after. stalled_step and
-- stalled_since hold the RequestStalled the projection applied; the request shows as stalled while its status is
-- that step. sla_at_risk records an AssignmentSlaAtRisk, as sla_breached records an AssignmentSlaBreached.
alter table intake_request add column status_since timestamp with time zone;
alter table intake_request add column sla_at_risk boolean default false not null;
alter table intake_request add column stalled_step varchar(20);
alter table intake_request add column stalled_since timestamp with time zone;

-- Rows stored before this migration never recorded when they reached their status: the submission dates SUBMITTED,
-- and their last change stands in for any later status (no earlier than the real time, so no stall is reported
-- early). A rebuild from the topics gives the exact times.
update intake_request set status_since = case when status = 'SUBMITTED' then submitted_at else updated_at end;

-- The sweep looks for requests at a step that stalls, reached before a cutoff; the status index is its prefix.
drop index intake_request_by_status;
create index intake_request_by_status_since on intake_request (status, status_since);
create index intake_request_by_stalled_step on intake_request (stalled_step);
