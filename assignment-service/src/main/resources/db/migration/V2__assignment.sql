-- The roster as built from the roster topic.
create table architect (
    id           varchar(100) primary key,
    name         varchar(200) not null,
    role         varchar(30)  not null,
    region       varchar(10)  not null,
    time_zone    varchar(64)  not null,
    capacity     integer      not null,
    skills       varchar(400) not null,
    team_manager varchar(100),
    away_from    date,
    away_to      date,
    updated_at   timestamp with time zone not null
);

-- One row per assigned request: the primary key is what makes "no request assigned twice" hold in the
-- database too. open = counts towards the architect's load.
create table assignment (
    request_id        varchar(100) primary key,
    tenant_id         varchar(100) not null,
    architect_id      varchar(100) not null,
    weight            integer      not null,
    open              boolean      not null,
    assigned_at       timestamp with time zone not null,
    completed_at      timestamp with time zone,
    decision_event_id uuid         not null,
    decision          text         not null
);
create index assignment_architect on assignment (architect_id, open);

-- Every assignment ever made (a reassignment is one more), for "assignments in the trailing 30 days".
create table assignment_history (
    event_id     uuid primary key,
    request_id   varchar(100) not null,
    architect_id varchar(100) not null,
    assigned_at  timestamp with time zone not null
);
create index assignment_history_time on assignment_history (assigned_at);

-- Requests nobody could take, waiting in SLA-deadline order.
create table queued_request (
    request_id      varchar(100) primary key,
    tenant_id       varchar(100) not null,
    role            varchar(30)  not null,
    weight          integer      not null,
    sla_deadline    timestamp with time zone not null,
    queued_at       timestamp with time zone not null,
    queued_event_id uuid         not null,
    snapshot        text,
    decision        text         not null,
    sla_breached    boolean      not null
);
create index queued_request_deadline on queued_request (sla_deadline, request_id);

-- The balancer's clock: the latest decision time, so a restart resumes with the same notion of "now".
create table balancer_clock (
    id    integer primary key,
    clock timestamp with time zone not null
);
