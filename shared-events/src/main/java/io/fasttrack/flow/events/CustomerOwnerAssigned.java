package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A manager made someone the customer's FastTrack Manager, the owner its portfolio is grouped by.
 * Topic: health; key: tenant id.
 *
 * @param previousFastTrackManager the owner before, null for the first
 */
public record CustomerOwnerAssigned(
        String tenantId,
        String fastTrackManager,
        String previousFastTrackManager,
        String assignedBy,
        Instant assignedAt) implements EventData {

    public CustomerOwnerAssigned {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(fastTrackManager, "fastTrackManager");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
