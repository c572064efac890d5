package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.RequestQueue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Nobody could take the request: it waits, ordered by its SLA deadline. Topic: assignments; key: tenant id. */
public record RequestQueued(
        String requestId,
        String tenantId,
        RequestQueue queue,
        ArchitectRole role,
        int weight,
        Instant slaDeadline,
        Instant queuedAt,
        String reason,
        List<CandidateEvaluation> candidates) implements EventData {

    public RequestQueued {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
