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
import java.util.Map;
import java.util.concurrent.CompletionStage;
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

    /** The events the projection applies, with the topic (by its short name) each comes on, for the metrics. */
    private static final Map<EventType, String> TOPIC_OF = Map.ofEntries(
            Map.entry(EventType.REQUEST_SUBMITTED, "requests"),
            Map.entry(EventType.REQUEST_STALLED, "requests"),
            Map.entry(EventType.TENANT_IDENTIFIED, "requests"),
            Map.entry(EventType.REQUEST_QUEUED, "assignments"),
            Map.entry(EventType.FTA_ASSIGNED, "assignments"),
            Map.entry(EventType.ASSIGNMENT_SLA_AT_RISK, "assignments"),
            Map.entry(EventType.ASSIGNMENT_SLA_BREACHED, "assignments"),
            Map.entry(EventType.ENGAGEMENT_OPENED, "engagements"),
            Map.entry(EventType.ENGAGEMENT_REASSIGNED, "engagements"),
            Map.entry(EventType.REVIEW_DECIDED, "engagements"),
            Map.entry(EventType.ENGAGEMENT_COMPLETED, "engagements"));
    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);

    private final BatchConsumer consumer;
    private final RequestProjection projection;
    private final StalledRequestGauge stalledGauge;
    private final MeterRegistry meters;

    ProjectionConsumers(BatchConsumer consumer, RequestProjection projection, StalledRequestGauge stalledGauge,
            MeterRegistry meters) {
        this.consumer = consumer;
        this.projection = projection;
        this.stalledGauge = stalledGauge;
        this.meters = meters;
    }

    /**
     * One consumer reads the three topics: one poll, one batch and one transaction for whatever they hold, and no
     * two batches of this service ever write the same rows at once.
     */
    @Incoming("events-in")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(batch, TOPIC_OF.keySet(), (fresh, effects) -> {
            RequestProjection.Applied applied = projection.apply(fresh);
            // counted once the batch committed: a batch applied again after a transient failure counts once
            effects.afterCommit(() -> count(fresh, applied.outcomes()));
            if (applied.stallsChanged()) {
                effects.afterCommit(stalledGauge::recount);
            }
        });
    }

    private void count(List<EventEnvelope<EventData>> events, List<RequestProjection.Outcome> outcomes) {
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<EventData> event = events.get(i);
            RequestProjection.Outcome outcome = outcomes.get(i);
            String topic = TOPIC_OF.get(event.eventType());
            meters.counter("fasttrack.intake.events", "topic", topic, "outcome", outcome.name().toLowerCase()).increment();
            LOG.debugf("%s %s %s (request %s): %s", topic, event.type(), event.eventId(), event.correlationId(), outcome);
        }
    }
}
