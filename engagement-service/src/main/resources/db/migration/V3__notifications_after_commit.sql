-- A notification is recorded PENDING, with the mail it sends, in the transaction that applies its assignment;
-- it is sent once that transaction committed, and a sweep sends what a crash or a mail failure left PENDING.
-- next_attempt_at: no sender takes it before then (the committing one holds it for a lease, a failed one waits).
-- The mail's texts are unbounded: a request may name any number of account team addresses.
alter table assignment_notification add column mail_to varchar;
alter table assignment_notification add column mail_cc varchar;
alter table assignment_notification add column subject varchar;
alter table assignment_notification add column body varchar;
alter table assignment_notification add column failures integer default 0 not null;
alter table assignment_notification add column next_attempt_at timestamp with time zone;
create index assignment_notification_due on assignment_notification (outcome, next_attempt_at);

-- Where history ends on the assignments topic, per partition: set once, when a database that applied nothing yet
-- starts against a topic that already holds records (a replay). An FtaAssigned below it is applied without a mail.
create table rebuild_horizon (
    id           varchar(300) primary key,
    topic        varchar(249) not null,
    partition_no integer not null,
    end_offset   bigint not null,
    recorded_at  timestamp with time zone not null
);
