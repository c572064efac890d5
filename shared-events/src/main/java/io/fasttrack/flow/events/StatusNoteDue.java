package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An open engagement went the status-note cadence (14 days by default) without a status note. Once per lapse: a
 * new note starts a new one. Topic: engagements; key: tenant id.
 *
 * @param lastNoteAt the latest status note, or the opening when there is none: where the lapse started
 * @param dueAt      when the next note was due
 */
public record StatusNoteDue(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        String teamManagerId,
        Instant lastNoteAt,
        Instant dueAt,
        Instant detectedAt) implements EventData {

    public StatusNoteDue {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(lastNoteAt, "lastNoteAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
