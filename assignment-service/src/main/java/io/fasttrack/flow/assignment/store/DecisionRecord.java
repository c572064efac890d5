package io.fasttrack.flow.assignment.store;

import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision and its explanation, as stored and as {@code GET /assignments/{requestId}} shows it.
 *
 * @param status         ASSIGNED, COMPLETED or QUEUED
 * @param decidedBy      the manager who decided (their token's subject); null for the balancer's decisions
 * @param reason         why it waits (QUEUED), or why the manager decided so (their words, when they gave any)
 * @param excludedCounts architects removed per exclusion reason, as the decision's event carries them
 */
public record DecisionRecord(
        String requestId,
        String tenantId,
        String status,
        ArchitectRef architect,
        String decidingRule,
        ArchitectRole role,
        int weight,
        Instant slaDeadline,
        Instant decidedAt,
        String reassignedFrom,
        String decidedBy,
        UUID eventId,
        String reason,
        List<CandidateEvaluation> candidates,
        Map<String, Integer> excludedCounts,
        RequestSnapshot request) {

    public DecisionRecord withStatus(String newStatus) {
        return new DecisionRecord(requestId, tenantId, newStatus, architect, decidingRule, role, weight, slaDeadline,
                decidedAt, reassignedFrom, decidedBy, eventId, reason, candidates, excludedCounts, request);
    }

    /** The same decision with its request, once a store rebuilt from the log has read the RequestSubmitted. */
    public DecisionRecord withRequest(RequestSnapshot snapshot) {
        return new DecisionRecord(requestId, tenantId, status, architect, decidingRule, role, weight, slaDeadline,
                decidedAt, reassignedFrom, decidedBy, eventId, reason, candidates, excludedCounts, snapshot);
    }

    /** As a reader may see it: the request without the people it names (requestor, account team). */
    public DecisionRecord withoutPersonalData() {
        return new DecisionRecord(requestId, tenantId, status, architect, decidingRule, role, weight, slaDeadline,
                decidedAt, reassignedFrom, decidedBy, eventId, reason, candidates, excludedCounts,
                request == null ? null : new RequestSnapshot(request.requestId(), request.type(), request.queue(),
                        request.customer(), request.region(), request.timeZone(), null, List.of(), request.workloads(),
                        request.getModern(), request.engageBeforeLicensePurchase(), request.fundingAmountUsd(),
                        request.submittedAt()));
    }

    /** The counts as an event carries them (a list, by reason) in the shape this answer shows (reason: count). */
    public static Map<String, Integer> byReason(List<ExclusionCount> counts) {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        counts.forEach(count -> byReason.put(count.reason(), count.count()));
        return byReason;
    }
}
