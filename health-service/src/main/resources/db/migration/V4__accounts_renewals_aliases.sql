-- Which of a customer's FastTrack Manager assignments and contracts is the latest (by the time each was made, so
-- replaying the topics in any interleaving, or folding a placeholder into its real tenant, keeps the same one), and
-- the renewal date a RenewalAtRisk was published for (so a replay or a repeated check publishes it once).
alter table customer_account add column manager_assigned_at timestamp with time zone;
alter table customer_account add column contract_recorded_at timestamp with time zone;
alter table customer_account add column renewal_at_risk_reported date;

-- The queue of the request an engagement answers: an FTCHelp answer never makes its architect the customer's owner.
alter table ownership_engagement add column queue varchar(20);

-- A placeholder tenant identified as a real one (TenantIdentified): its records were folded into the real tenant,
-- and what still arrives under the placeholder is applied to the real tenant.
create table tenant_alias (
    placeholder_id varchar(200) primary key,
    tenant_id      varchar(200) not null,
    identified_at  timestamp with time zone not null
);
create index tenant_alias_tenant on tenant_alias (tenant_id);
