package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/** Every mandatory task of the engagement is done; frees the architect's capacity. Topic: engagements. */
public record EngagementCompleted(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        Instant completedAt) implements EventData {

    public EngagementCompleted {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(architectId, "architectId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
