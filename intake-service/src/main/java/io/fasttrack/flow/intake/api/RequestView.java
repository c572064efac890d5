package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.store.RequestRecord;
import java.time.Instant;

/** A request's status as the requestor sees it; carries no personal data of the requestor. */
public record RequestView(
        String id,
        String type,
        String tenantId,
        String customerName,
        boolean placeholderTenant,
        RequestStatus status,
        String architectId,
        String architectName,
        Instant slaDeadline,
        boolean slaBreached,
        String engagementId,
        Instant submittedAt,
        Instant updatedAt) {

    static RequestView of(RequestRecord record) {
        return new RequestView(record.id, record.requestType, record.tenantId, record.customerName,
                record.placeholderTenant, record.status, record.architectId, record.architectName,
                record.slaDeadline, record.slaBreached, record.engagementId, record.submittedAt, record.updatedAt);
    }
}
