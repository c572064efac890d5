package io.fasttrack.flow.assignment.domain;

import java.time.Instant;
import java.util.Objects;

/** A customer's engagement that completed: who worked on it and when it ended (a returning customer's continuity). */
record CompletedEngagement(String architectId, Instant completedAt) {

    CompletedEngagement {
        Objects.requireNonNull(architectId, "architectId");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
