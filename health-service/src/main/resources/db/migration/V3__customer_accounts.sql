-- A customer's FastTrack Manager (CustomerOwnerAssigned) and contract dates (CustomerContractRecorded): the owner
-- the portfolio and the alerts are grouped by, and the renewal the forecast runs to.
create table customer_account (
    tenant_id          varchar(200) primary key,
    fast_track_manager varchar(200),
    renewal_date       date,
    anniversary_date   date,
    updated_at         timestamp with time zone not null
);
create index customer_account_manager on customer_account (fast_track_manager);
create index customer_account_renewal on customer_account (renewal_date);
