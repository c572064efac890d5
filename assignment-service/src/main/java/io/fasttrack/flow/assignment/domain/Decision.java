package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one balancer decision with its explanation.
 *
 * @param architectId    the chosen architect, null when the request must wait
 * @param decidedAt      the decision time actually used (the cause's time, never earlier than a previous decision)
 * @param candidates     the best {@code topK} scored candidates in policy order, then up to {@code topK}
 *                       examples of each exclusion reason
 * @param excludedCounts how many architects each exclusion reason removed, over the whole roster, each architect
 *                       under one reason (see {@link BalancingRules#exclusion}); ROLE, AWAY and NO_CAPACITY always, a
 *                       caller's reason when it removed someone
 */
public record Decision(
        String requestId,
        String architectId,
        DecidingRule rule,
        ArchitectRole role,
        int weight,
        Instant decidedAt,
        List<CandidateEvaluation> candidates,
        Map<Exclusion, Integer> excludedCounts) {

    public Decision {
        candidates = List.copyOf(candidates);
        excludedCounts = Map.copyOf(excludedCounts);
    }

    public boolean assigned() {
        return architectId != null;
    }
}
