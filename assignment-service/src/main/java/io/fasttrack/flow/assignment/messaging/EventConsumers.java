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
 * The three inputs, each consumed in batches, in order, on its own worker thread, through the kit's loop
 * (decode once, dead-letter what is unreadable, future-dated or invalid, wait out transient failures). The
 * engine applies each batch as one change under its own gate and transaction.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    AssignmentEngine engine;

    @Inject
    BatchConsumer consumer;

    @Incoming("requests-in")
    @Blocking
    public CompletionStage<Void> onRequests(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeWith(batch, Set.of(EventType.REQUEST_SUBMITTED), engine::apply);
    }

    @Incoming("roster-in")
    @Blocking
    public CompletionStage<Void> onRoster(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeWith(batch, Set.of(EventType.ARCHITECT_REGISTERED, EventType.ARCHITECT_UPDATED),
                engine::apply);
    }

    @Incoming("engagements-in")
    @Blocking
    public CompletionStage<Void> onEngagements(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consumeWith(batch, Set.of(EventType.ENGAGEMENT_COMPLETED), engine::apply);
    }
}
