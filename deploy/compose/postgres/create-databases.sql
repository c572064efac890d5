-- Run once by the postgres image when its data volume is empty: one database per service,
-- owned by the user compose.yaml creates (POSTGRES_USER).
CREATE DATABASE fasttrack_intake;
CREATE DATABASE fasttrack_assignment;
CREATE DATABASE fasttrack_engagement;
CREATE DATABASE fasttrack_health;
