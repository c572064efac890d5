-- What compliance counts, kept on the engagement row as the events change its tasks and DIBS, so a compliance
-- answer reads one row per engagement instead of joining every task and DIBS (the columns of Engagement).
alter table engagement add column mandatory_open integer default 0 not null;
alter table engagement add column mandatory_done_late integer default 0 not null;
alter table engagement add column first_open_mandatory_due timestamp with time zone;
alter table engagement add column last_open_mandatory_due timestamp with time zone;
alter table engagement add column dibs_documented boolean default false not null;

update engagement set
    mandatory_open = (select count(*) from engagement_task t
                      where t.engagement_id = engagement.id and t.mandatory = true and t.completed_at is null),
    mandatory_done_late = (select count(*) from engagement_task t
                           where t.engagement_id = engagement.id and t.mandatory = true and t.completed_at > t.due_at),
    first_open_mandatory_due = (select min(t.due_at) from engagement_task t
                                where t.engagement_id = engagement.id and t.mandatory = true and t.completed_at is null),
    last_open_mandatory_due = (select max(t.due_at) from engagement_task t
                               where t.engagement_id = engagement.id and t.mandatory = true and t.completed_at is null),
    dibs_documented = case
        when workloads is null or workloads = ''
            then exists (select 1 from dibs d where d.engagement_id = engagement.id)
        else (select count(distinct d.workload) from dibs d where d.engagement_id = engagement.id
                and (',' || engagement.workloads || ',') like ('%,' || d.workload || ',%'))
             = length(workloads) - length(replace(workloads, ',', '')) + 1
    end;


-- compliance no longer reads tasks
drop index engagement_task_mandatory;
