package io.fasttrack.flow.events.model;

import java.util.Objects;

/**
 * How many architects one exclusion reason left out of a decision.
 *
 * @param reason as in {@link CandidateEvaluation#excludedBecause()}, e.g. {@code NO_CAPACITY}, {@code AWAY}, {@code ROLE}
 */
public record ExclusionCount(String reason, int count) {

    public ExclusionCount {
        Objects.requireNonNull(reason, "reason");
    }
}
