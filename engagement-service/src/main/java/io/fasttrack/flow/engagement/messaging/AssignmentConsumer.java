package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.domain.AssignmentRule;
import io.fasttrack.flow.engagement.domain.EngagementIds;
import io.fasttrack.flow.engagement.domain.Queues;
import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.engagement.store.EngagementTask;
import io.fasttrack.flow.engagement.store.ProcessedEvent;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventDecodingException;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.Workload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens or moves the engagement of each FtaAssigned, a batch of records per transaction. The events it
 * publishes take ids derived from the FtaAssigned and are all acknowledged by the broker before the transaction
 * commits, so a redelivery after a crash republishes the same ids rather than losing or doubling them.
 * Unreadable records, and an FtaAssigned that cannot be applied on its own, are dead-lettered with the reason.
 */
@ApplicationScoped
public class AssignmentConsumer {

    @Inject
    TaskCatalogue catalogue;

    @Inject
    EngagementProjection projection;

    @Inject
    AssignmentNotifier notifier;

    @Inject
    EventPublisher publisher;

    @Inject
    EngagementMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Incoming("assignments-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> onAssignments(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.FTA_ASSIGNED),
                events -> QuarkusTransaction.requiringNew().run(() -> apply(events)));
    }

    /** Applies the FtaAssigned events in order, then publishes what they decided and waits for every ack. */
    void apply(List<EventEnvelope<EventData>> events) {
        List<EventEnvelope<?>> decided = new ArrayList<>();
        for (EventEnvelope<EventData> envelope : events) {
            if (envelope.data() instanceof FtaAssigned assigned) {
                onAssignment(envelope, assigned, decided);
                // every query first dirty-checks all managed entities: keep the persistence context to one
                // event so a batch costs linear, not quadratic
                entityManager.flush();
                entityManager.clear();
            }
        }
        if (!decided.isEmpty()) {
            projection.flush();
            publisher.publish(decided);
            for (EventEnvelope<?> event : decided) {
                if (event.data() instanceof EngagementOpened) {
                    metrics.engagementOpened();
                } else {
                    metrics.engagementReassigned();
                }
            }
        }
    }

    private void onAssignment(EventEnvelope<EventData> envelope, FtaAssigned assigned, List<EventEnvelope<?>> decided) {
        if (ProcessedEvent.seen(envelope.eventId())) {
            return;
        }
        if (assigned.architect().id() == null || assigned.request().type() == null) {
            throw new EventDecodingException("FtaAssigned " + envelope.eventId() + " names no architect id or request type");
        }
        ProcessedEvent.remember(envelope.eventId(), clock.instant());
        String engagementId = EngagementIds.forRequest(assigned.requestId());
        Engagement engagement = Engagement.lock(engagementId);
        AssignmentRule rule = AssignmentRule.decide(engagement == null ? null : engagement.architectId,
                engagement != null && engagement.completed(), assigned.architect().id());
        if (rule == AssignmentRule.NONE) {
            rememberScope(engagement, assigned);
            return;
        }
        Instant at = assigned.assignedAt() == null ? envelope.occurredAt() : assigned.assignedAt();
        EventEnvelope<?> event = rule == AssignmentRule.OPEN ? opened(envelope, assigned, engagementId, at)
                : reassigned(envelope, assigned, engagement, at);
        if (!projection.apply(event)) {
            // the decision is already in the projection, rebuilt from the engagements topic
            rememberScope(engagement, assigned);
            return;
        }
        rememberScope(Engagement.findById(engagementId), assigned);
        List<FtopTask> tasks = EngagementTask.of(engagementId).stream()
                .map(task -> new FtopTask(task.taskId, task.name, task.mandatory)).toList();
        notifier.notifyAssignment(envelope, assigned, engagementId, tasks);
        decided.add(event);
    }

    private EventEnvelope<EngagementOpened> opened(EventEnvelope<?> cause, FtaAssigned assigned, String engagementId,
            Instant at) {
        EngagementOpened opened = new EngagementOpened(engagementId, assigned.requestId(), assigned.tenantId(),
                assigned.architect(), assigned.request().type(), Queues.of(assigned.request()),
                catalogue.tasksFor(assigned.request()), at);
        return envelope(cause, "EngagementOpened", assigned, opened);
    }

    private EventEnvelope<EngagementReassigned> reassigned(EventEnvelope<?> cause, FtaAssigned assigned,
            Engagement engagement, Instant at) {
        EngagementReassigned reassigned = new EngagementReassigned(engagement.id, assigned.requestId(),
                assigned.tenantId(), engagement.architectId, assigned.architect(), at);
        return envelope(cause, "EngagementReassigned", assigned, reassigned);
    }

    private <D extends EventData> EventEnvelope<D> envelope(EventEnvelope<?> cause, String discriminator,
            FtaAssigned assigned, D data) {
        UUID id = cause.derivedId(discriminator);
        return EventEnvelope.of(id, cause.occurredAt(), source, assigned.requestId(), cause.eventId().toString(), data);
    }

    /** The request's workloads are not in EngagementOpened; every FtaAssigned of the request carries them. */
    private static void rememberScope(Engagement engagement, FtaAssigned assigned) {
        List<Workload> workloads = assigned.request().workloads();
        if (engagement != null && engagement.workloads == null && workloads != null) {
            engagement.workloads = workloads.stream().map(Workload::name).distinct().sorted()
                    .collect(Collectors.joining(","));
        }
    }
}
