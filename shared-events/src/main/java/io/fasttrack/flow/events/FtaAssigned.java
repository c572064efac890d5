package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An architect was assigned to a request, with the explanation of the decision.
 * Topic: assignments; key: tenant id.
 *
 * @param decidingRule   the policy rule that decided (e.g. {@code CONTINUITY}, {@code FIT}, {@code BALANCE}, {@code MANAGER})
 * @param reassignedFrom the previous architect when a manager moved the work, else null
 * @param excludedCounts how many architects each exclusion reason left out of the decision
 * @param decidedBy      the manager who decided (the subject of their token), null for the balancer
 * @param reason         why the manager decided so, in their words; null when they gave none
 */
public record FtaAssigned(
        String requestId,
        String tenantId,
        ArchitectRef architect,
        RequestSnapshot request,
        int weight,
        Instant slaDeadline,
        Instant assignedAt,
        String decidingRule,
        List<CandidateEvaluation> candidates,
        String reassignedFrom,
        List<ExclusionCount> excludedCounts,
        String decidedBy,
        String reason) implements EventData {

    public FtaAssigned {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(architect, "architect");
        Objects.requireNonNull(request, "request");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        excludedCounts = excludedCounts == null ? List.of() : List.copyOf(excludedCounts);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
