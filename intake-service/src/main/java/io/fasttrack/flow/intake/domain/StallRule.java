package io.fasttrack.flow.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stuck work: a request stalls when it stays SUBMITTED (no routing decision came) or ASSIGNED (no engagement opened)
 * longer than {@code fasttrack.intake.stall-after}. A QUEUED request is waiting for capacity, which the SLA warnings
 * of assignment already watch; IN_PROGRESS and COMPLETED belong to the engagement.
 */
public final class StallRule {

    private static final Set<RequestStatus> STEPS_THAT_STALL = Collections.unmodifiableSet(
            EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.ASSIGNED));

    private final Duration stallAfter;

    public StallRule(Duration stallAfter) {
        this.stallAfter = stallAfter;
    }

    /** Whether a request at {@code status} since {@code since} has stalled by {@code now}. */
    public boolean hasStalled(RequestStatus status, Instant since, Instant now) {
        return STEPS_THAT_STALL.contains(status) && since != null && !reachedBy(now).isBefore(since);
    }

    /** The statuses a request can stall at. */
    public Set<RequestStatus> stepsThatStall() {
        return STEPS_THAT_STALL;
    }

    /** The latest time a request may have reached its step and have stalled by {@code now}. */
    public Instant reachedBy(Instant now) {
        return now.minus(stallAfter);
    }
}
