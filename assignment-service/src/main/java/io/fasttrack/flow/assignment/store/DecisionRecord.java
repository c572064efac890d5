package io.fasttrack.flow.assignment.store;

import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision and its explanation, as stored and as {@code GET /assignments/{requestId}} shows it.
 *
 * @param status         ASSIGNED, COMPLETED or QUEUED
 * @param excludedCounts architects removed per exclusion reason; empty when rebuilt from the log, which does
 *                       not carry the counts
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
        UUID eventId,
        String reason,
        List<CandidateEvaluation> candidates,
        Map<String, Integer> excludedCounts,
        RequestSnapshot request) {

    public DecisionRecord withStatus(String newStatus) {
        return new DecisionRecord(requestId, tenantId, newStatus, architect, decidingRule, role, weight, slaDeadline,
                decidedAt, reassignedFrom, eventId, reason, candidates, excludedCounts, request);
    }
}
