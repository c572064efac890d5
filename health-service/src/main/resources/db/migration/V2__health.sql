-- Usage reports: one per customer, workload and as-of date (report_key = workload|asOf|tenant).
create table usage_report (
    report_key   varchar(400) primary key,
    tenant_id    varchar(200) not null,
    workload     varchar(40) not null,
    as_of        date not null,
    licensed     bigint not null,
    active       bigint not null,
    renewal_date date,
    event_id     uuid not null,
    reported_at  timestamp with time zone
);
create index usage_report_tenant on usage_report (tenant_id, workload, as_of);

create table customer_health (
    tenant_id              varchar(200) primary key,
    category               varchar(60) not null,
    utilization            numeric(9,6) not null,
    latest_as_of           date not null,
    category_since         date not null,
    baseline               text not null,
    renewal_date           date,
    renewal_reported_as_of date,
    updated_at             timestamp with time zone not null
);

create table category_change (
    event_id             uuid primary key,
    tenant_id            varchar(200) not null,
    previous_category    varchar(60),
    new_category         varchar(60) not null,
    direction            varchar(8) not null,
    previous_utilization numeric(9,6),
    utilization          numeric(9,6) not null,
    drivers              text not null,
    as_of                date not null,
    changed_at           timestamp with time zone not null
);
create index category_change_tenant on category_change (tenant_id, changed_at);
create index category_change_as_of on category_change (as_of);

create table customer_owner (
    tenant_id      varchar(200) primary key,
    customer_name  varchar(300),
    segment        varchar(20),
    region         varchar(20),
    architect_id   varchar(200) not null,
    architect_name varchar(300),
    team_manager   varchar(200),
    request_id     varchar(200),
    assigned_at    timestamp with time zone not null
);

create table ownership_engagement (
    request_id     varchar(200) primary key,
    tenant_id      varchar(200) not null,
    engagement_id  varchar(200),
    architect_id   varchar(200) not null,
    architect_name varchar(300),
    team_manager   varchar(200),
    assigned_at    timestamp with time zone,
    completed_at   timestamp with time zone
);
create index ownership_engagement_tenant on ownership_engagement (tenant_id);

-- The latest report of each customer workload (latest as-of date; a later arrival for the same date replaces it).
create table workload_latest (
    latest_key varchar(300) primary key,
    tenant_id  varchar(200) not null,
    workload   varchar(40) not null,
    as_of      date not null,
    licensed   bigint not null,
    active     bigint not null
);
create index workload_latest_tenant on workload_latest (tenant_id);
