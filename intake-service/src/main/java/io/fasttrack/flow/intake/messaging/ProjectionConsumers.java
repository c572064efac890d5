package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.fasttrack.flow.intake.store.RequestProjection;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the request-status projection from the topics, a batch of records per transaction. Records are read
 * as bytes and decoded here, so a record that is not a readable event is moved to {@code <topic>.dlq} with
 * the reason; known events this service does not use are acknowledged and ignored (undecoded when their
 * {@code ce_type} header names them).
 *
 * <p>The requests topic is read too: it makes the projection rebuildable from the log, and stores any
 * request whose POST answer was acknowledged by the broker but whose row never reached the database.
 * Transactions are opened by {@link RequestProjection} itself, which retries them when two consumers race on a row.
 */
@ApplicationScoped
public class ProjectionConsumers {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);

    private final RequestProjection projection;
    private final MeterRegistry meters;

    ProjectionConsumers(RequestProjection projection, MeterRegistry meters) {
        this.projection = projection;
        this.meters = meters;
    }

    @Incoming("requests-in")
    @Blocking
    public CompletionStage<Void> onRequestEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("requests", batch, Set.of(EventType.REQUEST_SUBMITTED));
    }

    @Incoming("assignments-in")
    @Blocking
    public CompletionStage<Void> onAssignmentEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("assignments", batch,
                Set.of(EventType.REQUEST_QUEUED, EventType.FTA_ASSIGNED, EventType.ASSIGNMENT_SLA_BREACHED));
    }

    @Incoming("engagements-in")
    @Blocking
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consume("engagements", batch,
                Set.of(EventType.ENGAGEMENT_OPENED, EventType.ENGAGEMENT_REASSIGNED, EventType.ENGAGEMENT_COMPLETED));
    }

    private CompletionStage<Void> consume(String topic, KafkaRecordBatch<String, byte[]> batch, Set<EventType> used) {
        return RecordBatches.consume(batch, used, envelopes -> apply(topic, envelopes));
    }

    private void apply(String topic, List<EventEnvelope<EventData>> envelopes) {
        List<RequestProjection.Outcome> outcomes = projection.apply(envelopes);
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope<EventData> envelope = envelopes.get(i);
            RequestProjection.Outcome outcome = outcomes.get(i);
            meters.counter("fasttrack.intake.events", "topic", topic, "outcome", outcome.name().toLowerCase()).increment();
            LOG.debugf("%s %s %s (request %s): %s", topic, envelope.type(), envelope.eventId(), envelope.correlationId(),
                    outcome);
        }
    }
}
