-- Risk alerts: one row per customer, kind and concern (alert_id is a name-based UUID of the three), kept open
-- from its RiskAlertRaised to its RiskAlertCleared; a cleared alert raised again reopens the same row.
create table risk_alert (
    alert_id        varchar(36) primary key,
    tenant_id       varchar(200) not null,
    kind            varchar(30) not null,
    concern         varchar(200) not null,
    detail          varchar(1000) not null,
    state           varchar(10) not null,
    raised_at       timestamp with time zone not null,
    raised_event_id uuid not null,
    -- when the sweep clears it (the category-down window ended, the renewal date passed); null: only an event does
    expires_at      timestamp with time zone,
    cleared_at      timestamp with time zone
);
create index risk_alert_open on risk_alert (state, raised_at);
create index risk_alert_kind on risk_alert (state, kind, raised_at);
create index risk_alert_tenant on risk_alert (tenant_id, state);
create index risk_alert_expiry on risk_alert (state, expires_at);
-- GET /alerts narrows by the customer's team manager and region
create index customer_owner_team_manager on customer_owner (team_manager);
create index customer_owner_region on customer_owner (region);

-- Idempotency-Key of POST /usage, as intake keeps it for POST /requests: reserved before publishing (the primary key
-- makes concurrent duplicates safe), PENDING -> COMPLETED once the broker acknowledged every report, or
-- PENDING -> PUBLISH_FAILED on a 503, which the next repeat takes over to publish the same reports (same event ids)
-- again. A key is never released. The answer is the request id and the number of reports accepted.
create table usage_idempotency_key (
    idempotency_key    varchar(200) primary key,
    body_hash          varchar(64) not null,
    request_id         varchar(128) not null,
    accepted           integer not null,
    state              varchar(20) not null,
    reserved_at        timestamp with time zone not null,
    attempt_started_at timestamp with time zone
);

-- The events the alerts projection applied. Its own table, not processed_event: the ownership projection applies
-- some of the same events (FtaAssigned, EngagementCompleted) in another consumer group, and one table of ids would
-- make each projection skip what the other applied first.
create table alert_applied_event (
    event_id   uuid primary key,
    applied_at timestamp with time zone not null
);

-- The alert events already on fasttrack.alerts when an empty alerts projection started (a rebuild): the rebuilt
-- projection applies their causes again and publishes none of these a second time.
create table alert_published_event (
    event_id uuid primary key
);
