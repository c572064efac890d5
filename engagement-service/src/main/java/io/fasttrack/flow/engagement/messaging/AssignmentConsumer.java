package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.domain.AssignmentRule;
import io.fasttrack.flow.engagement.domain.EngagementIds;
import io.fasttrack.flow.engagement.domain.Queues;
import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.engagement.store.AssignmentNotification;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.engagement.store.TouchedEngagements;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.fasttrack.flow.kit.messaging.BatchConsumer.Positioned;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Opens or moves the engagement of each FtaAssigned, a batch at a time in the kit's transaction. The engagements
 * the batch touches are read once; each assignment is decided against them as the assignments before it left
 * them, and what it decides (EngagementOpened or EngagementReassigned, its id derived from the FtaAssigned) is
 * applied to them by the projection code that also reads the engagements topic, marked applied so its copy there
 * changes nothing, and published; the batch commits once the broker acknowledged all of it. Every assignment that
 * changed an engagement records its notification, which is mailed after the commit.
 */
@ApplicationScoped
public class AssignmentConsumer {

    private static final String OPENED = "EngagementOpened";
    private static final String REASSIGNED = "EngagementReassigned";

    @Inject
    BatchConsumer consumer;

    @Inject
    ProcessedEvents processed;

    @Inject
    TaskCatalogue catalogue;

    @Inject
    EngagementProjection projection;

    @Inject
    AssignmentNotifier notifier;

    @Inject
    ReplayedHistory history;

    @Inject
    EngagementMetrics metrics;

    // a batch of FtaAssigned hands hundreds of events over at once; the batch size bounds the buffer
    @Inject
    @Channel("engagements-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> engagements;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Incoming("assignments-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> onAssignments(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumePositioned(batch, Set.of(EventType.FTA_ASSIGNED), this::apply);
    }

    /** Applies the batch's new FtaAssigned events in order. */
    void apply(List<Positioned> fresh, Effects effects) {
        // every assignment is checked before anything is read: a bad one fails the batch at once, and the kit
        // applies the others one at a time and dead-letters it
        List<String> engagementIds = fresh.stream().map(assignment -> engagementIdOf(valid(assignment.event()))).toList();
        // a decision also reaches the projection through the engagements topic: in a rebuild, or when a crash came
        // between publishing it and committing; then it is not made again
        Set<UUID> decidedBefore = processed.alreadyApplied(fresh.stream()
                .flatMap(assignment -> decisionIds(assignment.event()).stream()).toList());
        TouchedEngagements touched = projection.touch(engagementIds);
        touched.readTasksOf(engagementIds);
        List<EventEnvelope<?>> decided = new ArrayList<>();
        List<AssignmentNotification> notifications = new ArrayList<>();
        for (Positioned assignment : fresh) {
            apply(assignment, touched, decidedBefore, decided, notifications);
        }
        touched.write();
        for (EventEnvelope<?> decision : decided) {
            effects.alsoApplied(decision.eventId());
            effects.publish(engagements, decision);
        }
        effects.afterCommit(() -> {
            decided.forEach(decision -> {
                if (decision.data() instanceof EngagementOpened) {
                    metrics.engagementOpened();
                } else {
                    metrics.engagementReassigned();
                }
            });
            notifier.committed(notifications);
        });
    }

    private void apply(Positioned assignment, TouchedEngagements touched, Set<UUID> decidedBefore,
            List<EventEnvelope<?>> decided, List<AssignmentNotification> notifications) {
        EventEnvelope<EventData> cause = assignment.event();
        FtaAssigned assigned = cause.dataAs(FtaAssigned.class);
        String engagementId = engagementIdOf(assigned);
        boolean decidedEarlier = decisionIds(cause).stream().anyMatch(decidedBefore::contains);
        boolean decidedNow = !decidedEarlier && decide(cause, assigned, engagementId, touched, decided);
        touched.rememberScope(engagementId, assigned.request().workloads());
        if (decidedEarlier || decidedNow) {
            notifications.add(notifier.record(cause, assigned, engagementId, touched.ftopTasks(engagementId),
                    history.contains(assignment)));
        }
    }

    /** Opens or moves the engagement as the assignment rule says; false when the assignment changes nothing. */
    private boolean decide(EventEnvelope<?> cause, FtaAssigned assigned, String engagementId, TouchedEngagements touched,
            List<EventEnvelope<?>> decided) {
        Engagement engagement = touched.engagement(engagementId);
        AssignmentRule rule = AssignmentRule.decide(engagement == null ? null : engagement.architectId,
                engagement != null && engagement.completed(), assigned.architect().id());
        if (rule == AssignmentRule.NONE) {
            return false;
        }
        Instant at = assigned.assignedAt() == null ? cause.occurredAt() : assigned.assignedAt();
        EventEnvelope<?> decision = rule == AssignmentRule.OPEN ? opened(cause, assigned, engagementId, at)
                : reassigned(cause, assigned, engagement, at);
        touched.apply(decision);
        decided.add(decision);
        return true;
    }

    private EventEnvelope<EngagementOpened> opened(EventEnvelope<?> cause, FtaAssigned assigned, String engagementId,
            Instant at) {
        EngagementOpened opened = new EngagementOpened(engagementId, assigned.requestId(), assigned.tenantId(),
                assigned.architect(), assigned.request().type(), Queues.of(assigned.request()),
                catalogue.tasksFor(assigned.request()), at);
        return derived(cause, OPENED, assigned, opened);
    }

    private EventEnvelope<EngagementReassigned> reassigned(EventEnvelope<?> cause, FtaAssigned assigned,
            Engagement engagement, Instant at) {
        // keyed like the engagement's other events, so it follows them on their partition
        EngagementReassigned reassigned = new EngagementReassigned(engagement.id, assigned.requestId(),
                engagement.openedTenantId, engagement.architectId, assigned.architect(), at);
        return derived(cause, REASSIGNED, assigned, reassigned);
    }

    private <D extends EventData> EventEnvelope<D> derived(EventEnvelope<?> cause, String discriminator,
            FtaAssigned assigned, D data) {
        return EventEnvelope.of(cause.derivedId(discriminator), cause.occurredAt(), source, assigned.requestId(),
                cause.eventId().toString(), data);
    }

    /** The ids the decisions an assignment can cause take. */
    private static List<UUID> decisionIds(EventEnvelope<?> assignment) {
        return List.of(assignment.derivedId(OPENED), assignment.derivedId(REASSIGNED));
    }

    private static String engagementIdOf(FtaAssigned assigned) {
        return EngagementIds.forRequest(assigned.requestId());
    }

    /** @throws InvalidEventException for an assignment that cannot open an engagement: it is dead-lettered */
    private static FtaAssigned valid(EventEnvelope<EventData> event) {
        FtaAssigned assigned = event.dataAs(FtaAssigned.class);
        String architectId = assigned.architect().id();
        if (architectId == null || architectId.isBlank() || assigned.request().type() == null) {
            throw new InvalidEventException("FtaAssigned " + event.eventId() + " names no architect id or request type");
        }
        return assigned;
    }
}
