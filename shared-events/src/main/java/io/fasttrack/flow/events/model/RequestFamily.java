package io.fasttrack.flow.events.model;

public enum RequestFamily {
    FUNDING,
    MIGRATION_EXCEPTION,
    NON_FUNDING
}
