package io.fasttrack.flow.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Enterprise status notes are due every 2 to 4 weeks: an open engagement whose last note (or, without
 * one, its opening) is {@code staleAfter} or more ago is stale. A completed engagement needs no notes.
 */
public record StalenessPolicy(Duration staleAfter) {

    public StalenessPolicy {
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public boolean isStale(Instant lastActivityAt, boolean completed, Instant now) {
        return !completed && !lastActivityAt.isAfter(staleBoundary(now));
    }

    /** Open engagements whose last activity is at or before this instant are stale. */
    public Instant staleBoundary(Instant now) {
        return now.minus(staleAfter);
    }
}
