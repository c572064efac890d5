package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.intake.store.RequestProjection;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the request-status projection from the topics through the kit's {@link BatchConsumer}: a batch of
 * records per transaction, each record decoded once, the events applied before skipped, unreadable or
 * future-dated records dead-lettered to {@code <topic>.dlq}, transient failures waited out.
 *
 * <p>The requests topic is read too: it makes the projection rebuildable from the log, and stores any
 * request whose POST answer was acknowledged by the broker but whose row never reached the database.
 */
@ApplicationScoped
public class ProjectionConsumers {

    private static final Set<EventType> REQUEST_EVENTS = Set.of(EventType.REQUEST_SUBMITTED);
    private static final Set<EventType> ASSIGNMENT_EVENTS = Set.of(EventType.REQUEST_QUEUED, EventType.FTA_ASSIGNED,
            EventType.ASSIGNMENT_SLA_BREACHED);
    private static final Set<EventType> ENGAGEMENT_EVENTS = Set.of(EventType.ENGAGEMENT_OPENED,
            EventType.ENGAGEMENT_REASSIGNED, EventType.ENGAGEMENT_COMPLETED);
    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);

    private final BatchConsumer consumer;
    private final RequestProjection projection;
    /**
     * The three channels write the same rows: one batch at a time, from its first read to its commit, so two
     * batches never wait for each other's row locks in opposite orders (a replay deadlocked H2 that way).
     */
    private final ReentrantLock oneBatchAtATime = new ReentrantLock();
    private final MeterRegistry meters;

    ProjectionConsumers(BatchConsumer consumer, RequestProjection projection, MeterRegistry meters) {
        this.consumer = consumer;
        this.projection = projection;
        this.meters = meters;
    }

    @Incoming("requests-in")
    @Blocking
    public CompletionStage<Void> onRequestEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("requests", batch, REQUEST_EVENTS);
    }

    @Incoming("assignments-in")
    @Blocking
    public CompletionStage<Void> onAssignmentEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("assignments", batch, ASSIGNMENT_EVENTS);
    }

    @Incoming("engagements-in")
    @Blocking
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("engagements", batch, ENGAGEMENT_EVENTS);
    }

    CompletionStage<Void> consume(String topic, KafkaRecordBatch<String, byte[]> batch, Set<EventType> used) {
        oneBatchAtATime.lock();
        try {
            return consumer.consume(batch, used, (fresh, effects) -> {
                List<RequestProjection.Outcome> outcomes = projection.apply(fresh);
                // counted once the batch committed: a batch applied again after a transient failure counts once
                effects.afterCommit(() -> count(topic, fresh, outcomes));
            });
        } finally {
            oneBatchAtATime.unlock();
        }
    }

    private void count(String topic, List<EventEnvelope<EventData>> events, List<RequestProjection.Outcome> outcomes) {
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<EventData> event = events.get(i);
            RequestProjection.Outcome outcome = outcomes.get(i);
            meters.counter("fasttrack.intake.events", "topic", topic, "outcome", outcome.name().toLowerCase()).increment();
            LOG.debugf("%s %s %s (request %s): %s", topic, event.type(), event.eventId(), event.correlationId(), outcome);
        }
    }
}
