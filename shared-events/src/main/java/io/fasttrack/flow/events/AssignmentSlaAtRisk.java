package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A request is still unassigned after a configured share of its SLA window (business time) has passed: a warning
 * to the team manager of its role and region before the breach. Once per request. Topic: assignments; key: tenant id.
 *
 * @param elapsedShare       the share of the business-time window passed when it was detected, 0 to 1
 * @param businessHoursLeft  business hours left until the deadline when it was detected
 */
public record AssignmentSlaAtRisk(
        String requestId,
        String tenantId,
        RequestQueue queue,
        ArchitectRole role,
        Region region,
        String teamManager,
        Instant slaDeadline,
        BigDecimal elapsedShare,
        BigDecimal businessHoursLeft,
        Instant detectedAt) implements EventData {

    public AssignmentSlaAtRisk {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
