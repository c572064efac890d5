package io.fasttrack.flow.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Enterprise status notes are due every 2 to 4 weeks. An open engagement's lapse starts at its last note (or,
 * without one, its opening): {@code statusNoteDueAfter} into it a note is due, {@code staleAfter} into it the
 * engagement is stale. A completed engagement needs no notes. Reads, compliance and the cadence events all judge
 * by these two periods.
 */
public record StalenessPolicy(Duration statusNoteDueAfter, Duration staleAfter) {

    public StalenessPolicy {
        Objects.requireNonNull(statusNoteDueAfter, "statusNoteDueAfter");
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public boolean isStale(Instant lastActivityAt, boolean completed, Instant now) {
        return !completed && !lastActivityAt.isAfter(staleBoundary(now));
    }

    /** Open engagements whose last activity is at or before this instant are stale. */
    public Instant staleBoundary(Instant now) {
        return now.minus(staleAfter);
    }

    /** Open engagements whose last activity is at or before this instant are due a status note. */
    public Instant noteDueBoundary(Instant now) {
        return now.minus(statusNoteDueAfter);
    }

    public Instant noteDueAt(Instant lapseStart) {
        return lapseStart.plus(statusNoteDueAfter);
    }

    public Instant staleAt(Instant lapseStart) {
        return lapseStart.plus(staleAfter);
    }

    /**
     * StatusNoteDue is told once per lapse: when a note is due and was not told for this lapse yet ({@code toldFor}
     * is the latest lapse it was told for, null when never).
     */
    public boolean noteDueToTell(Instant lapseStart, Instant toldFor, boolean completed, Instant now) {
        return !completed && !lapseStart.isAfter(noteDueBoundary(now)) && !toldFor(lapseStart, toldFor);
    }

    /** EngagementStale is told once per lapse, like StatusNoteDue. */
    public boolean staleToTell(Instant lapseStart, Instant toldFor, boolean completed, Instant now) {
        return isStale(lapseStart, completed, now) && !toldFor(lapseStart, toldFor);
    }

    private static boolean toldFor(Instant lapseStart, Instant toldFor) {
        return toldFor != null && !toldFor.isBefore(lapseStart);
    }
}
