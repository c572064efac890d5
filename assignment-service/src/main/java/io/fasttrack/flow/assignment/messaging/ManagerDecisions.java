package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.assignment.domain.DecidingRule;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.Exclusion;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A manager's decisions: move an open assignment, or assign a waiting request, to a named architect or the balancer's choice. */
@ApplicationScoped
public class ManagerDecisions {

    @Inject
    DecisionGate gate;

    @Inject
    DecisionRecords records;

    @Inject
    Clock clock;

    /**
     * A manager's decision: moves an open assignment, or assigns a waiting request, to the named architect or to
     * the balancer's choice (among the others, for a move). Capacity still holds: 409 when the work does not fit.
     * The decision records who made it and why.
     */
    public DecisionRecord reassign(String requestId, Optional<String> target, ManagerDecision manager) {
        return gate.exclusively(change -> {
            Optional<AssignmentEntity> assigned = change.rows.assignment(requestId);
            if (assigned.isEmpty()) {
                QueuedRequestEntity waiting = change.rows.queued(requestId)
                        .orElseThrow(() -> ProblemException.notFound("no decision for request " + requestId));
                return assignWaitingRequest(change, waiting, target, manager);
            }
            AssignmentEntity assignment = assigned.get();
            if (!assignment.open) {
                throw ProblemException.conflict("the engagement of request " + requestId + " is completed");
            }
            DecisionRecord current = StoredJson.read(assignment.decision, DecisionRecord.class);
            AssignmentRequest request = Snapshots.toRequest(current.request());
            Decision decision = managersChoice(request, assignment.weight, current.role(), target,
                    Map.of(assignment.architectId, Exclusion.CURRENT_ARCHITECT), "nobody else can take request " + requestId + " now: ");
            String from = assignment.architectId;
            gate.balancer().release(requestId);
            gate.balancer().assign(requestId, decision.architectId(), assignment.tenantId, decision.weight(), decision.decidedAt());
            UUID eventId = UUID.randomUUID();
            change.journal.managersDecision(eventId);
            return records.recordAssignment(change, assignment, current.request(), decision, current.slaDeadline(),
                    eventId, null, from, manager);
        });
    }

    private DecisionRecord assignWaitingRequest(Change change, QueuedRequestEntity waiting, Optional<String> target,
            ManagerDecision manager) {
        if (waiting.snapshot == null) {
            throw ProblemException.conflict("request " + waiting.requestId + " is waiting for its RequestSubmitted, "
                    + "which this service has not read yet");
        }
        RequestSnapshot snapshot = StoredJson.read(waiting.snapshot, RequestSnapshot.class);
        Decision decision = managersChoice(Snapshots.toRequest(snapshot), waiting.weight, ArchitectRole.valueOf(waiting.role), target,
                Map.of(), "nobody can take request " + waiting.requestId + " now: ");
        change.rows.dequeue(waiting);
        gate.balancer().assign(waiting.requestId, decision.architectId(), waiting.tenantId, decision.weight(), decision.decidedAt());
        UUID eventId = UUID.randomUUID();
        change.journal.managersDecision(eventId);
        return records.recordAssignment(change, change.rows.newAssignment(waiting.requestId), snapshot, decision,
                waiting.slaDeadline, eventId, waiting.queuedEventId.toString(), null, manager);
    }

    /** The named architect if they can take the request (else 404 or 409 saying why not), or the balancer's choice. */
    private Decision managersChoice(AssignmentRequest request, int weight, ArchitectRole role, Optional<String> target,
            Map<String, Exclusion> notThem, String nobody) {
        Instant at = clock.instant();
        if (target.isEmpty()) {
            Decision decision = gate.balancer().decide(request, at, notThem);
            if (!decision.assigned()) {
                throw ProblemException.conflict(nobody + records.reason(decision));
            }
            return decision;
        }
        String to = target.get();
        if (!gate.balancer().knows(to)) {
            throw ProblemException.notFound("no architect " + to);
        }
        Optional<Exclusion> refusal = gate.balancer().refusalOf(to, request, at);
        if (refusal.isPresent()) {
            throw ProblemException.conflict("architect " + to + " cannot take request " + request.requestId() + ": "
                    + refusal.get());
        }
        return new Decision(request.requestId(), to, DecidingRule.MANAGER, role, weight, gate.balancer().clock(),
                List.of(gate.balancer().evaluate(to, request)), Map.of());
    }
}
