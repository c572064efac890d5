-- Ids as long as every service accepts them (FieldLimit.ID: 128 characters); a team manager names a person
-- (FieldLimit.PERSON: 200). Longer values are refused at the edge, so a valid one always fits here.
alter table architect alter column id set data type varchar(128);
alter table architect alter column team_manager set data type varchar(200);
alter table assignment alter column request_id set data type varchar(128);
alter table assignment alter column tenant_id set data type varchar(128);
alter table assignment alter column architect_id set data type varchar(128);
alter table assignment_history alter column request_id set data type varchar(128);
alter table assignment_history alter column architect_id set data type varchar(128);
alter table queued_request alter column request_id set data type varchar(128);
alter table queued_request alter column tenant_id set data type varchar(128);

-- The balancer's clock has its one row from the start, so a change saves it with one update, never a
-- select first.
insert into balancer_clock (id, clock)
select 1, timestamp with time zone '1970-01-01 00:00:00+00'
where not exists (select 1 from balancer_clock where id = 1);
