-- A waiting request's business time is counted in its region and time zone; it is at risk once the configured
-- share of its SLA window has passed (AssignmentSlaAtRisk, once).
alter table queued_request add column region varchar(10);
alter table queued_request add column time_zone varchar(64);
alter table queued_request add column sla_at_risk_at timestamp with time zone;
alter table queued_request add column sla_at_risk boolean default false not null;
create index queued_request_at_risk on queued_request (sla_at_risk_at);
-- an arriving request is decided behind the first waiting request of its role (its reservation): found by index
create index queued_request_role_deadline on queued_request (role, sla_deadline, request_id);
