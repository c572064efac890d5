-- The engagement projection. Every row follows from the engagements and assignments topics.
create table engagement (
    id                  varchar(120) primary key,
    request_id          varchar(100) not null,
    tenant_id           varchar(100) not null,
    architect_id        varchar(100) not null,
    architect_name      varchar(200),
    team_manager        varchar(100),
    request_type        varchar(40),
    request_queue       varchar(20),
    workloads           varchar(500),
    status              varchar(20) not null,
    opened_at           timestamp with time zone not null,
    last_status_note_at timestamp with time zone,
    last_activity_at    timestamp with time zone not null,
    completed_at        timestamp with time zone
);
create index engagement_tenant on engagement (tenant_id);
create index engagement_architect on engagement (architect_id);
create index engagement_team_manager on engagement (team_manager);

create table engagement_task (
    id            varchar(200) primary key,
    engagement_id varchar(120) not null,
    task_id       varchar(40) not null,
    name          varchar(200) not null,
    mandatory     boolean not null,
    position      integer not null,
    due_at        timestamp with time zone not null,
    completed_at  timestamp with time zone,
    completed_by  varchar(200)
);
create index engagement_task_engagement on engagement_task (engagement_id);

create table status_note (
    event_id      uuid primary key,
    engagement_id varchar(120) not null,
    author        varchar(200) not null,
    note          varchar(4000) not null,
    added_at      timestamp with time zone not null
);
create index status_note_engagement on status_note (engagement_id);

create table dibs (
    id              varchar(200) primary key,
    engagement_id   varchar(120) not null,
    workload        varchar(40) not null,
    target_date     date not null,
    intent          varchar(1000) not null,
    business_reason varchar(1000) not null,
    success_owner   varchar(200) not null,
    recorded_at     timestamp with time zone not null
);
create index dibs_engagement on dibs (engagement_id);

-- Who held the engagement when: one row per EngagementOpened / EngagementReassigned.
create table assignment_history (
    event_id        uuid primary key,
    engagement_id   varchar(120) not null,
    architect_id    varchar(100) not null,
    architect_name  varchar(200),
    team_manager    varchar(100),
    reassigned_from varchar(100),
    assigned_at     timestamp with time zone not null
);
create index assignment_history_engagement on assignment_history (engagement_id);

-- One row per announced assignment, keyed by the FtaAssigned event: a redelivery never mails twice.
create table assignment_notification (
    assignment_event_id uuid primary key,
    engagement_id       varchar(120) not null,
    architect_id        varchar(100) not null,
    outcome             varchar(20) not null,
    recipients          integer not null,
    decided_at          timestamp with time zone not null
);
