package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRef;
import java.time.Instant;
import java.util.Objects;

/** An engagement moved to another architect, keeping its history. Topic: engagements; key: tenant id. */
public record EngagementReassigned(
        String engagementId,
        String requestId,
        String tenantId,
        String fromArchitectId,
        ArchitectRef toArchitect,
        Instant reassignedAt) implements EventData {

    public EngagementReassigned {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(toArchitect, "toArchitect");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
