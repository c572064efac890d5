package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.EscalationSeverity;
import java.time.Instant;
import java.util.Objects;

/**
 * Something blocks an engagement and someone owns getting it out of the way. Topic: engagements; key: tenant id.
 *
 * @param blocker what blocks the engagement
 * @param owner   who is to remove the blocker
 */
public record EscalationRaised(
        String engagementId,
        String escalationId,
        String requestId,
        String tenantId,
        String architectId,
        EscalationSeverity severity,
        String blocker,
        String owner,
        String raisedBy,
        Instant raisedAt) implements EventData {

    public EscalationRaised {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(blocker, "blocker");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
