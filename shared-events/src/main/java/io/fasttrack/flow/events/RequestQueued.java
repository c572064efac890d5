package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.RequestQueue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Nobody could take the request: it waits, ordered by its SLA deadline. Topic: assignments; key: tenant id.
 *
 * @param excludedCounts how many architects each exclusion reason left out
 */
public record RequestQueued(
        String requestId,
        String tenantId,
        RequestQueue queue,
        ArchitectRole role,
        int weight,
        Instant slaDeadline,
        Instant queuedAt,
        String reason,
        List<CandidateEvaluation> candidates,
        List<ExclusionCount> excludedCounts) implements EventData {

    public RequestQueued {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        excludedCounts = excludedCounts == null ? List.of() : List.copyOf(excludedCounts);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
