package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.EscalationSeverity;
import java.time.Instant;
import java.util.Objects;

/** An escalation's blocker is out of the way. Topic: engagements; key: tenant id. */
public record EscalationResolved(
        String engagementId,
        String escalationId,
        String requestId,
        String tenantId,
        EscalationSeverity severity,
        String resolution,
        String resolvedBy,
        Instant resolvedAt) implements EventData {

    public EscalationResolved {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
