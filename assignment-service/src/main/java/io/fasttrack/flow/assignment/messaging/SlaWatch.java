package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.DecisionIds;
import io.fasttrack.flow.assignment.domain.Routing;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The SLA watch, every {@code fasttrack.assignment.sla.check-interval}: offers the current capacity to waiting requests,
 * then warns about those past the at-risk share of their window and reports those past their deadline. Only on the
 * instance that decides (a follower has no state loaded).
 */
@ApplicationScoped
public class SlaWatch {

    @Inject
    DecisionGate gate;

    @Inject
    InputDecisions inputs;

    @Inject
    DecisionRecords records;

    @Inject
    SlaPolicy sla;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Scheduled(every = "${fasttrack.assignment.sla.check-interval}", delayed = "${fasttrack.assignment.sla.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DeciderElection.NotDeciding.class)
    void check() {
        assignWaitingNow();
        checkSla();
    }

    /**
     * A sweep at the wall-clock time, run with the SLA check: a waiting request that an input skipped by the
     * replay rule above could have taken is not left waiting for the next roster or engagement event.
     */
    public void assignWaitingNow() {
        gate.exclusively(change -> {
            Instant now = clock.instant();
            if (!change.rows.waiting().isEmpty()) {
                change.journal.sweep(now);
            }
            inputs.serveQueue(change, now, queued -> DecisionIds.assignedBySweep(queued.queuedEventId), null);
            return null;
        });
    }

    /**
     * Warns (AssignmentSlaAtRisk) about every waiting request past the at-risk share of its SLA window, then
     * reports (AssignmentSlaBreached) every one past its deadline; each once, to the team manager of its role and
     * region. Returns how many events it published.
     */
    public int checkSla() {
        return gate.exclusively(change -> {
            Instant now = clock.instant();
            int published = 0;
            for (QueuedRequestEntity queued : QueuedRequestEntity.atRiskBy(now)) {
                Region region = queued.region == null ? null : Region.valueOf(queued.region);
                ZoneId zone = Snapshots.zoneOf(queued.timeZone);
                ArchitectRole role = ArchitectRole.valueOf(queued.role);
                RequestQueue queue = Routing.queueOf(role);
                Instant submittedAt = StoredJson.read(queued.snapshot, RequestSnapshot.class).submittedAt();
                UUID eventId = UUID.nameUUIDFromBytes((queued.queuedEventId + "/AssignmentSlaAtRisk")
                        .getBytes(StandardCharsets.UTF_8));
                AssignmentSlaAtRisk warning = new AssignmentSlaAtRisk(queued.requestId, queued.tenantId, queue, role, region,
                        sla.teamManagerFor(role, queue, region), queued.slaDeadline,
                        sla.elapsedShare(submittedAt, queued.slaDeadline, now, region, zone),
                        sla.businessHoursLeft(now, queued.slaDeadline, region, zone), now);
                change.applied(eventId);
                queued.slaAtRisk = true;
                records.publish(change, EventEnvelope.of(eventId, now, DecisionRecords.SOURCE, queued.requestId,
                        queued.queuedEventId.toString(), warning));
                meters.counter("fasttrack.assignment.sla.at.risk").increment();
                published++;
            }
            for (QueuedRequestEntity queued : QueuedRequestEntity.breachedBy(now)) {
                Region region = queued.region == null ? null : Region.valueOf(queued.region);
                ArchitectRole role = ArchitectRole.valueOf(queued.role);
                RequestQueue queue = Routing.queueOf(role);
                UUID eventId = UUID.nameUUIDFromBytes((queued.queuedEventId + "/AssignmentSlaBreached")
                        .getBytes(StandardCharsets.UTF_8));
                EventEnvelope<AssignmentSlaBreached> event = EventEnvelope.of(eventId, now, DecisionRecords.SOURCE, queued.requestId,
                        queued.queuedEventId.toString(), new AssignmentSlaBreached(queued.requestId, queued.tenantId, queue,
                                role, sla.teamManagerFor(role, queue, region), queued.slaDeadline, now, region));
                change.applied(eventId);
                queued.slaBreached = true;
                records.publish(change, event);
                meters.counter("fasttrack.assignment.sla.breaches").increment();
                published++;
            }
            return published;
        });
    }
}
