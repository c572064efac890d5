-- Reviews of migration exceptions and ECIF/DWR fund requests: one row per ReviewDecided, its risks in order.
-- final_review_decision: the first APPROVED or REJECTED; such an engagement completes only once it is set.
alter table engagement add column final_review_decision varchar(20);
-- open_escalations: raised and not yet resolved; what GET /engagements?escalated= filters on.
alter table engagement add column open_escalations integer default 0 not null;
create index engagement_open_escalations on engagement (open_escalations);

create table engagement_review (
    event_id      uuid primary key,
    engagement_id varchar(120) not null,
    decision      varchar(20) not null,
    note          varchar(4000),
    decided_by    varchar(200),
    decided_at    timestamp with time zone not null
);
create index engagement_review_engagement on engagement_review (engagement_id);

create table engagement_review_risk (
    id              varchar(60) primary key,
    review_event_id uuid not null,
    position        integer not null,
    risk            varchar(500) not null
);
create index engagement_review_risk_review on engagement_review_risk (review_event_id);

-- id: engagement id / escalation id, so an escalation id never meets another engagement's
create table escalation (
    id            varchar(260) primary key,
    escalation_id varchar(128) not null,
    engagement_id varchar(120) not null,
    severity      varchar(20) not null,
    blocker       varchar(1000) not null,
    owner         varchar(200),
    raised_by     varchar(200),
    raised_at     timestamp with time zone not null,
    resolution    varchar(4000),
    resolved_by   varchar(200),
    resolved_at   timestamp with time zone
);
create index escalation_engagement on escalation (engagement_id);
