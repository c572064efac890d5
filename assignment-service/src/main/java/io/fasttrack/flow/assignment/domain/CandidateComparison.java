package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.CandidateEvaluation;

/**
 * Why an architect did not get a request that went to another ("why not this architect"), as the balancer sees it
 * at the time asked.
 *
 * @param winnerId        the architect the request went to, null when it waits
 * @param excludedBecause why the architect could not take the request, for {@link Verdict#EXCLUDED}
 * @param rankingRule     the first rule, in SPEC order, on which the two rank differently, for {@link Verdict#LOST}
 *                        and {@link Verdict#AHEAD_OF_WINNER}
 * @param architect       how the architect scores (with {@code excludedBecause} when excluded); null when unknown
 * @param winner          how the winner scores (with {@code excludedBecause} when excluded); null when there is none
 *                        or the winner is unknown
 */
public record CandidateComparison(
        String architectId,
        String winnerId,
        Verdict verdict,
        Exclusion excludedBecause,
        RankingRule rankingRule,
        CandidateEvaluation architect,
        CandidateEvaluation winner) {

    public enum Verdict {
        /** Not on the roster. */
        UNKNOWN_ARCHITECT,
        /** Could not take the request: see {@code excludedBecause}. */
        EXCLUDED,
        /** The architect is the winner. */
        WINNER,
        /** The winner ranks ahead on {@code rankingRule}. */
        LOST,
        /** The architect ranks ahead of the named winner on {@code rankingRule}: the state changed since it won. */
        AHEAD_OF_WINNER,
        /** The named winner is unknown or could not take the request now (see {@code winner}). */
        WINNER_NOT_ELIGIBLE,
        /** No winner is named (the request waits), yet the architect could take the request now. */
        ELIGIBLE
    }
}
