package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.AssignmentPolicy;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.DecisionIds;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.store.ArchitectEntity;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.assignment.store.TenantIdentityEntity;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.RequestSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies consumed inputs (requests, roster changes, completed engagements, identified placeholder tenants) as the policy
 * says: an arriving request is decided at once ({@link AssignmentPolicy#arrive}); freed or new capacity serves the queue
 * ({@link AssignmentPolicy#serveQueue}); an identified placeholder's history becomes its real tenant's.
 */
@ApplicationScoped
public class InputDecisions {

    @Inject
    DecisionGate gate;

    @Inject
    DecisionRecords records;

    @Inject
    SlaPolicy sla;

    /**
     * Applies consumed events in order, in one change: those applied before are skipped (one query), an
     * invalid one refuses the whole batch before anything changes (the consumer then applies the batch one
     * event at a time and dead-letters that one alone), the rows are read set-wise, and the events they cause are
     * sent as they are decided and acknowledged together before the commit.
     */
    public void apply(List<EventEnvelope<EventData>> consumed) {
        gate.exclusively(change -> {
            List<EventEnvelope<EventData>> fresh = change.fresh(consumed);
            checkInputs(fresh);
            readRowsOf(change, fresh);
            for (EventEnvelope<EventData> event : fresh) {
                if (event.data() instanceof RequestSubmitted submitted) {
                    applyRequestSubmitted(change, event, submitted);
                } else if (event.data() instanceof ArchitectRegistered registered) {
                    applyRosterChange(change, event, registered.architect());
                } else if (event.data() instanceof ArchitectUpdated updated) {
                    applyRosterChange(change, event, updated.architect());
                } else if (event.data() instanceof EngagementCompleted completed) {
                    applyEngagementCompleted(change, event, completed);
                } else if (event.data() instanceof TenantIdentified identified) {
                    applyTenantIdentified(change, event, identified);
                }
            }
            return null;
        });
    }

    private void checkInputs(List<EventEnvelope<EventData>> fresh) {
        InputChecks.Horizon horizon = gate.horizon();
        Set<String> registeredBefore = new HashSet<>();
        for (EventEnvelope<EventData> event : fresh) {
            InputChecks.checkInput(event, horizon, id -> gate.balancer().knows(id) || registeredBefore.contains(id));
            if (event.data() instanceof ArchitectRegistered registered) {
                registeredBefore.add(registered.architect().id());
            }
        }
    }

    /** The rows the events will change, read set-wise; an architect new to the roster has none to read. */
    private void readRowsOf(Change change, List<EventEnvelope<EventData>> fresh) {
        List<String> submitted = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        List<String> architects = new ArrayList<>();
        for (EventEnvelope<EventData> event : fresh) {
            if (event.data() instanceof RequestSubmitted request) {
                submitted.add(request.requestId());
            } else if (event.data() instanceof EngagementCompleted engagement) {
                completed.add(engagement.requestId());
            } else if (event.data() instanceof ArchitectUpdated updated) {
                architects.add(updated.architect().id());
            } else if (event.data() instanceof ArchitectRegistered registered && gate.balancer().knows(registered.architect().id())) {
                architects.add(registered.architect().id());
            }
        }
        List<String> requests = new ArrayList<>(submitted);
        requests.addAll(completed);
        change.rows.readAssignments(requests);
        change.rows.readQueued(submitted);
        change.rows.readArchitects(architects);
    }

    private void applyRequestSubmitted(Change change, EventEnvelope<EventData> cause, RequestSubmitted submitted) {
        String requestId = submitted.requestId();
        if (change.rows.assignment(requestId).isPresent()) {
            return;
        }
        Optional<QueuedRequestEntity> queued = change.rows.queued(requestId);
        if (queued.isPresent()) {
            // rebuilt from the decision log before the request itself: the decision stands, the request completes it
            if (queued.get().snapshot == null) {
                records.describe(queued.get(), submitted.snapshot());
                queued.get().decision = StoredJson.write(StoredJson.read(queued.get().decision, DecisionRecord.class)
                        .withRequest(submitted.snapshot()));
                change.rows.described(queued.get());
            }
            return;
        }
        RequestSnapshot snapshot = submitted.snapshot();
        Instant deadline = sla.deadline(submitted.submittedAt(), snapshot.region(), Snapshots.zoneOf(snapshot.timeZone()));
        Decision decision = gate.policy().arrive(Snapshots.toRequest(snapshot), deadline, submitted.submittedAt(), new StoredQueue(change.rows));
        change.journal.input(cause.eventId());
        if (decision.assigned()) {
            records.recordAssignment(change, change.rows.newAssignment(requestId), snapshot, decision, deadline,
                    DecisionIds.assignedOnArrival(cause.eventId()), cause.eventId().toString(), null, null);
        } else {
            records.recordQueued(change, snapshot, decision, deadline, DecisionIds.queuedOnArrival(cause.eventId()),
                    cause.eventId().toString());
        }
    }

    private void applyEngagementCompleted(Change change, EventEnvelope<EventData> cause, EngagementCompleted completed) {
        Instant at = InputChecks.decisionTime(cause);
        gate.balancer().advanceTo(at);
        change.rows.assignment(completed.requestId()).filter(row -> row.open).ifPresent(row -> {
            row.open = false;
            row.completedAt = at;
            gate.balancer().release(completed.requestId(), at);
        });
        assignWaiting(change, cause, at);
    }

    /**
     * The placeholder's assignments count as the real tenant's from here on, in this input order (the verifier folds it
     * at the same journalled point). It frees no capacity, so it does not serve the queue.
     */
    private void applyTenantIdentified(Change change, EventEnvelope<EventData> cause, TenantIdentified identified) {
        if (gate.balancer().identify(identified.placeholderId(), identified.tenantId())) {
            change.rows.addIdentity(TenantIdentityEntity.of(identified.placeholderId(), identified.tenantId(),
                    cause.occurredAt()));
            change.journal.input(cause.eventId());
        }
    }

    void applyRosterChange(Change change, EventEnvelope<?> cause, ArchitectProfile profile) {
        boolean onRoster = gate.balancer().knows(profile.id());
        gate.balancer().upsertArchitect(Snapshots.toArchitect(profile), cause.occurredAt());
        ArchitectEntity row = onRoster
                ? change.rows.architect(profile.id()).orElseGet(() -> change.rows.newArchitect(profile.id()))
                : change.rows.newArchitect(profile.id());
        row.fill(profile, cause.occurredAt());
        assignWaiting(change, cause, cause.occurredAt());
    }

    /** Gives freed or new capacity to waiting requests (AssignmentPolicy#serveQueue). */
    private void assignWaiting(Change change, EventEnvelope<?> cause, Instant at) {
        if (!cause.occurredAt().isAfter(gate.replayHorizon())) {
            change.journal.input(cause.eventId());
            return;
        }
        change.journal.inputServingTheQueue(cause.eventId(), at);
        serveQueue(change, at, queued -> DecisionIds.assignedFromQueue(cause.eventId(), queued.requestId),
                cause.eventId().toString());
    }

    void serveQueue(Change change, Instant at, Function<QueuedRequestEntity, UUID> decisionId,
            String causationId) {
        StoredQueue queue = new StoredQueue(change.rows);
        for (Decision decision : gate.policy().serveQueue(at, queue)) {
            QueuedRequestEntity queued = queue.row(decision.requestId());
            change.rows.dequeue(queued);
            records.recordAssignment(change, change.rows.newAssignment(queued.requestId), queue.snapshot(decision.requestId()),
                    decision, queued.slaDeadline, decisionId.apply(queued), causationId, null, null);
        }
    }
}
