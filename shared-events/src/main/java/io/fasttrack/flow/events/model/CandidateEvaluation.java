package io.fasttrack.flow.events.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How one architect fared in an assignment decision.
 *
 * @param excludedBecause null when eligible; else the reason (e.g. {@code ROLE}, {@code AWAY}, {@code NO_CAPACITY})
 * @param utilizationAfter (load + weight) / capacity, for eligible candidates
 */
public record CandidateEvaluation(
        String architectId,
        String excludedBecause,
        Boolean continuity,
        Boolean regionMatch,
        Integer skillMatches,
        BigDecimal utilizationAfter,
        Integer assignmentsLast30Days,
        Instant lastAssignedAt) {
}
