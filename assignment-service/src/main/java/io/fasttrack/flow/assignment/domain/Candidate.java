package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.CandidateEvaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An eligible architect as the policy ranks them for a request of {@code weight} units. */
record Candidate(Standing architect, int weight, boolean continuity, Fit fit) {

    String id() {
        return architect.id();
    }

    CandidateEvaluation evaluation() {
        BigDecimal utilizationAfter = BigDecimal.valueOf(architect.load() + weight)
                .divide(BigDecimal.valueOf(architect.capacity()), 4, RoundingMode.HALF_UP);
        return new CandidateEvaluation(architect.id(), null, continuity, fit.regionMatch(), fit.skillMatches(),
                utilizationAfter, architect.assignmentsLast30Days(), architect.lastAssignedAt());
    }

    static CandidateEvaluation excluded(String architectId, Exclusion reason) {
        return new CandidateEvaluation(architectId, reason.name(), null, null, null, null, null, null);
    }
}
