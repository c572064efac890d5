-- Placeholder tenants that turned out to be real ones (TenantIdentified). A placeholder is identified once: the first
-- identification on the log stands (the requests topic orders them, keyed by placeholder), a later one naming another
-- tenant changes nothing. Requests keep the placeholder they were submitted under in identified_from.
create table tenant_identity (
    placeholder_id varchar(200) primary key,
    tenant_id      varchar(200) not null,
    identified_at  timestamp with time zone
);
alter table intake_request add column identified_from varchar(200);
create index intake_request_by_identified_from on intake_request (identified_from);

-- The latest review of the request (ReviewDecided): what the requestor reads as the outcome. review_risks is a JSON
-- array of strings.
alter table intake_request add column review_decision varchar(30);
alter table intake_request add column review_risks varchar(100000);
alter table intake_request add column review_note varchar(4000);
alter table intake_request add column review_decided_at timestamp with time zone;
