package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A placeholder tenant turned out to be a real one: every service folds the placeholder's records into the real
 * tenant. Keyed by the placeholder, so it follows the placeholder's own records on their partition.
 * Topic: requests.
 */
public record TenantIdentified(
        String placeholderId,
        String tenantId,
        String identifiedBy,
        Instant identifiedAt) implements EventData {

    public TenantIdentified {
        Objects.requireNonNull(placeholderId, "placeholderId");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    @Override
    public String subject() {
        return placeholderId;
    }
}
