package io.fasttrack.flow.assignment.domain;

import java.time.Instant;

/** What the balance rules and the reservation read of an architect when a request is decided. */
interface Standing {

    String id();

    int load();

    int capacity();

    int assignmentsLast30Days();

    /** Null when never assigned. */
    Instant lastAssignedAt();

    /** Values fixed at one moment, for answers worked out without changing the balancer. */
    record Snapshot(String id, int load, int capacity, int assignmentsLast30Days, Instant lastAssignedAt)
            implements Standing {
    }
}
