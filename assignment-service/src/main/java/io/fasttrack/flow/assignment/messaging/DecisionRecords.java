package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.assignment.domain.DecidingRule;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.AssignmentHistoryEntity;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The record of every decision: the rows (assignment, queue, history) and the event on the decision log, with its
 * explanation; and the stored decision of a request as {@code GET /assignments/{id}} shows it.
 */
@ApplicationScoped
public class DecisionRecords {

    public static final String SOURCE = "assignment-service";

    @Inject
    DecisionGate gate;

    @Inject
    SlaPolicy sla;

    @Inject
    MeterRegistry meters;

    // a batch of inputs hands hundreds of decisions over at once; the batch size bounds the buffer
    @Inject
    @Channel("assignments-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> assignments;

    /** Publishes an event of the decision log (a warning, a breach) with the change. */
    void publish(Change change, EventEnvelope<?> event) {
        change.publish(assignments, event);
    }

    /**
     * Records an assignment the balancer holds already: the row, the history entry, the event.
     *
     * @param manager who decided and why, for a manager's decision; null for the balancer's
     */
    DecisionRecord recordAssignment(Change change, AssignmentEntity row, RequestSnapshot snapshot, Decision decision,
            Instant deadline, UUID eventId, String causationId, String reassignedFrom, ManagerDecision manager) {
        ArchitectRef architect = refOf(decision.architectId());
        String decidedBy = manager == null ? null : manager.decidedBy();
        String why = manager == null ? null : manager.reason();
        List<ExclusionCount> counts = counts(decision);
        FtaAssigned assigned = new FtaAssigned(snapshot.requestId(), snapshot.customer().tenantId(), architect, snapshot,
                decision.weight(), deadline, decision.decidedAt(), decision.rule().name(), decision.candidates(), reassignedFrom,
                counts, decidedBy, why);
        DecisionRecord record = new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "ASSIGNED", architect,
                decision.rule().name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), reassignedFrom,
                decidedBy, eventId, why, decision.candidates(), DecisionRecord.byReason(counts), snapshot);
        saveAssignment(change, row, record);
        change.applied(eventId);
        change.publish(assignments, EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
                causationId, assigned));
        meters.counter("fasttrack.assignment.decisions", "rule", decision.rule().name()).increment();
        return record;
    }

    /** The assignment row takes the decision (and is open); the history gains one entry. */
    void saveAssignment(Change change, AssignmentEntity row, DecisionRecord record) {
        row.tenantId = record.tenantId();
        row.architectId = record.architect().id();
        row.weight = record.weight();
        row.open = true;
        row.assignedAt = record.decidedAt();
        row.decisionEventId = record.eventId();
        row.decision = StoredJson.write(record);
        change.rows.addHistory(AssignmentHistoryEntity.of(record.eventId(), record.requestId(), record.architect().id(),
                record.decidedAt()));
    }

    void recordQueued(Change change, RequestSnapshot snapshot, Decision decision, Instant deadline, UUID eventId,
            String causationId) {
        String reason = reason(decision);
        List<ExclusionCount> counts = counts(decision);
        RequestQueued queued = new RequestQueued(snapshot.requestId(), snapshot.customer().tenantId(), snapshot.queue(),
                decision.role(), decision.weight(), deadline, decision.decidedAt(), reason, decision.candidates(), counts);
        QueuedRequestEntity row = new QueuedRequestEntity();
        row.requestId = snapshot.requestId();
        row.tenantId = snapshot.customer().tenantId();
        row.role = decision.role().name();
        row.weight = decision.weight();
        row.slaDeadline = deadline;
        row.queuedAt = decision.decidedAt();
        row.queuedEventId = eventId;
        describe(row, snapshot);
        row.decision = StoredJson.write(new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "QUEUED",
                null, DecidingRule.QUEUE.name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), null,
                null, eventId, reason, decision.candidates(), DecisionRecord.byReason(counts), snapshot));
        change.rows.queue(row);
        change.applied(eventId);
        change.publish(assignments, EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
                causationId, queued));
        meters.counter("fasttrack.assignment.decisions", "rule", DecidingRule.QUEUE.name()).increment();
    }

    /** What a waiting row knows of its request once the RequestSubmitted is seen: the snapshot and its SLA clock. */
    void describe(QueuedRequestEntity row, RequestSnapshot snapshot) {
        row.snapshot = StoredJson.write(snapshot);
        row.region = snapshot.region() == null ? null : snapshot.region().name();
        row.timeZone = snapshot.timeZone();
        row.slaAtRiskAt = sla.atRiskAt(snapshot.submittedAt(), row.slaDeadline, snapshot.region(), Snapshots.zoneOf(snapshot.timeZone()));
    }

    String reason(Decision decision) {
        return "no eligible " + decision.role() + " for weight " + decision.weight() + "; excluded: "
                + new TreeMap<>(decision.excludedCounts()).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    List<ExclusionCount> counts(Decision decision) {
        List<ExclusionCount> counts = new ArrayList<>();
        new TreeMap<>(decision.excludedCounts()).forEach((reason, count) -> counts.add(new ExclusionCount(reason.name(), count)));
        return counts;
    }

    private ArchitectRef refOf(String architectId) {
        Architect profile = gate.balancer().view(architectId).orElseThrow().profile();
        return new ArchitectRef(profile.id(), profile.name(), profile.role(), profile.region(), profile.teamManager());
    }

    /** The stored decision for a request, with its current status; empty if the service never saw it. */
    public Optional<DecisionRecord> decisionOf(String requestId) {
        gate.awaitReady();
        return QuarkusTransaction.requiringNew().call(() -> {
            AssignmentEntity assignment = AssignmentEntity.findById(requestId);
            if (assignment != null) {
                return Optional.of(StoredJson.read(assignment.decision, DecisionRecord.class)
                        .withStatus(assignment.open ? "ASSIGNED" : "COMPLETED"));
            }
            QueuedRequestEntity queued = QueuedRequestEntity.findById(requestId);
            return Optional.ofNullable(queued).map(q -> StoredJson.read(q.decision, DecisionRecord.class));
        });
    }
}
