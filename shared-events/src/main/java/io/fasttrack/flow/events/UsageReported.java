package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.Workload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Licensed seats (or devices) and monthly active users (or devices) of one customer workload, as of a date.
 * Topic: usage; key: tenant id.
 *
 * @param renewalDate the customer's subscription renewal date when the reporter knows it, else null
 */
public record UsageReported(
        String tenantId,
        Workload workload,
        long licensed,
        long active,
        LocalDate asOf,
        LocalDate renewalDate,
        Instant reportedAt) implements EventData {

    public UsageReported {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
