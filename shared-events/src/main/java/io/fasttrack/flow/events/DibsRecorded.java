package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.Workload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** DIBS for one workload of an engagement: target Date, Intent, Business reason, Success owner. Topic: engagements. */
public record DibsRecorded(
        String engagementId,
        String requestId,
        String tenantId,
        Workload workload,
        LocalDate targetDate,
        String intent,
        String businessReason,
        String successOwner,
        Instant recordedAt) implements EventData {

    public DibsRecorded {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workload, "workload");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
