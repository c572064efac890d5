package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.Review;
import io.fasttrack.flow.intake.store.RequestRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * A request's status as the requestor sees it; carries no personal data of the requestor.
 *
 * @param slaAtRisk         assignment warned that the SLA is at risk; stays true once it happened
 * @param slaBreached       assignment reported the SLA breached; stays true once it happened
 * @param stalled           the request is stuck at its status (see {@code fasttrack.intake.stall-after})
 * @param stalledStep       the status it is stuck at, when stalled
 * @param stalledSince      when it reached that status, when stalled
 * @param stalledForSeconds how long it has been at that status at the time of this answer, when stalled
 * @param identifiedFrom    the placeholder tenant the request was submitted under, once identified as {@code tenantId}
 * @param review            the latest review of a migration exception or fund request: the outcome the requestor
 *                          reads; null before any
 */
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
        boolean slaAtRisk,
        boolean slaBreached,
        String engagementId,
        boolean stalled,
        RequestStatus stalledStep,
        Instant stalledSince,
        Long stalledForSeconds,
        String identifiedFrom,
        Review review,
        Instant submittedAt,
        Instant updatedAt) {

    static RequestView of(RequestRecord record, Instant now) {
        boolean stalled = record.isStalled();
        Instant stalledSince = stalled ? record.stalledSince : null;
        return new RequestView(record.id, record.requestType, record.tenantId, record.customerName,
                record.placeholderTenant, record.status, record.architectId, record.architectName,
                record.slaDeadline, record.slaAtRisk, record.slaBreached, record.engagementId,
                stalled, stalled ? record.stalledStep : null, stalledSince,
                stalledSince == null ? null : Duration.between(stalledSince, now).toSeconds(),
                record.identifiedFrom, record.review(), record.submittedAt, record.updatedAt);
    }
}
