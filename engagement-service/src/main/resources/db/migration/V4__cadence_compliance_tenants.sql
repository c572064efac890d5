-- The status-note cadence as events: the lapse (the last status note, or the opening without one) for which
-- StatusNoteDue and EngagementStale were last published. A new note starts a new lapse, so each is published
-- once per lapse. Set from the events, so a rebuild sets them again.
alter table engagement add column note_due_reported_for timestamp with time zone;
alter table engagement add column stale_reported_for timestamp with time zone;
-- The tenant the engagement opened for: its events stay keyed by it, so they stay on the partition of its
-- EngagementOpened and a replay reads them in order, also after the tenant was identified (tenant_id changes).
alter table engagement add column opened_tenant_id varchar(100);
update engagement set opened_tenant_id = tenant_id;
alter table engagement alter column opened_tenant_id set not null;

-- The cadence sweep: open engagements by the start of their lapse.
create index engagement_cadence on engagement (status, last_activity_at);
-- Compliance: one team manager's engagements, or everybody's, over a period of opening dates.
create index engagement_team_opened on engagement (team_manager, opened_at);
create index engagement_opened on engagement (opened_at);
-- Compliance reads only these columns of the mandatory tasks.
create index engagement_task_mandatory on engagement_task (engagement_id, mandatory, due_at, completed_at);

-- Placeholder tenants that turned out to be real ones (TenantIdentified): their engagements were folded into the
-- real tenant, and an engagement opened later for the placeholder opens for the real tenant.
create table tenant_identity (
    placeholder_id varchar(100) primary key,
    tenant_id      varchar(100) not null,
    identified_at  timestamp with time zone not null
);
