-- One decider at a time (README "One decider"): the instance named in holder decides while its lease has not
-- expired; a deciding transaction updates this row first, so its row lock fences a takeover until it commits.
create table decider_lease (
    name       varchar(64) primary key,
    holder     varchar(200),
    expires_at timestamp with time zone not null
);

insert into decider_lease (name, holder, expires_at)
values ('assignment', null, timestamp with time zone '1970-01-01 00:00:00+00');
