package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import java.time.Instant;
import java.util.Objects;

/**
 * A request was still unassigned at its SLA deadline; addressed to the team manager of its role and region.
 * Topic: assignments; key: tenant id.
 *
 * @param region the request's region, by which the team manager was chosen; absent on events written before it was
 */
public record AssignmentSlaBreached(
        String requestId,
        String tenantId,
        RequestQueue queue,
        ArchitectRole role,
        String teamManager,
        Instant slaDeadline,
        Instant detectedAt,
        Region region) implements EventData {

    public AssignmentSlaBreached {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
