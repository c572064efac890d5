-- The request-status projection, as the requestor sees it. Rebuilt from the requests, assignments and
-- engagements topics. A row may exist before its RequestSubmitted arrived (a status event came first):
-- then request_type and submitted_at are still null and the API does not show it yet.
-- No personal data of the requestor is kept here: it travels on the requests topic only.
create table intake_request (
    id                 varchar(64)  primary key,
    tenant_id          varchar(200) not null,
    customer_name      varchar(200),
    placeholder_tenant boolean      not null,
    request_type       varchar(40),
    request_family     varchar(40),
    request_queue      varchar(20),
    status             varchar(20)  not null,
    architect_id       varchar(200),
    architect_name     varchar(200),
    sla_deadline       timestamp with time zone,
    sla_breached       boolean      not null,
    engagement_id      varchar(200),
    submitted_at       timestamp with time zone,
    updated_at         timestamp with time zone not null,
    version            bigint       not null
);
create index intake_request_by_tenant on intake_request (tenant_id);
create index intake_request_by_status on intake_request (status);

-- Idempotency-Key of POST /requests: reserved before publishing (the primary key makes concurrent
-- duplicates safe), completed after the broker's ack, deleted when publishing fails.
create table idempotency_key (
    idempotency_key varchar(200) primary key,
    body_hash       varchar(64)  not null,
    request_id      varchar(64)  not null,
    state           varchar(20)  not null,
    reserved_at     timestamp with time zone not null
);
