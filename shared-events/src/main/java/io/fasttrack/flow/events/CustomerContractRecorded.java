package io.fasttrack.flow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The customer's contract dates: the health forecast runs to the renewal, and renewals are watched from it.
 * Topic: health; key: tenant id.
 *
 * @param anniversaryDate the contract's anniversary, null when the caller does not know it
 */
public record CustomerContractRecorded(
        String tenantId,
        LocalDate renewalDate,
        LocalDate anniversaryDate,
        String recordedBy,
        Instant recordedAt) implements EventData {

    public CustomerContractRecorded {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(renewalDate, "renewalDate");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
