package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three inputs (requests and identified tenants, roster, engagements), read by one consumer in batches, in order, through the kit's
 * loop (decode once, dead-letter what is unreadable, future-dated or invalid to its topic's {@code .dlq}, wait out
 * transient failures). InputDecisions applies each batch as one change through the DecisionGate.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Set<EventType> INPUTS = Set.of(EventType.REQUEST_SUBMITTED, EventType.ARCHITECT_REGISTERED,
            EventType.ARCHITECT_UPDATED, EventType.ENGAGEMENT_COMPLETED, EventType.TENANT_IDENTIFIED);

    @Inject
    InputDecisions inputs;

    @Inject
    BatchConsumer consumer;

    @Incoming("events-in")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeWith(batch, INPUTS, inputs::apply);
    }
}
