package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestQueue;
import java.time.Instant;
import java.util.Objects;

/** A request was still unassigned at its SLA deadline; addressed to a team manager. Topic: assignments. */
public record AssignmentSlaBreached(
        String requestId,
        String tenantId,
        RequestQueue queue,
        ArchitectRole role,
        String teamManager,
        Instant slaDeadline,
        Instant detectedAt) implements EventData {

    public AssignmentSlaBreached {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
