package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/** An enterprise status note on an engagement. Topic: engagements; key: tenant id. */
public record StatusNoteAdded(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        String author,
        String note,
        Instant addedAt) implements EventData {

    public StatusNoteAdded {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
