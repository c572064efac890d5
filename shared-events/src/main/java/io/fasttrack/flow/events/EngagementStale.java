package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An open engagement went the stale period (28 days by default) without a status note. Once per lapse: a new
 * note ends it, and health clears the customer's stale-engagement alert. Topic: engagements; key: tenant id.
 *
 * @param lastNoteAt the latest status note, or the opening when there is none
 * @param staleAt    when the engagement became stale
 */
public record EngagementStale(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        String teamManagerId,
        Instant lastNoteAt,
        Instant staleAt,
        Instant detectedAt) implements EventData {

    public EngagementStale {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(lastNoteAt, "lastNoteAt");
        Objects.requireNonNull(staleAt, "staleAt");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
