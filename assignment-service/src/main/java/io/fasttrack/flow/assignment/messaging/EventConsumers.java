package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three inputs, each consumed in batches, in order, on its own worker thread; the engine serializes the
 * changes across channels and applies a batch in one transaction. Unreadable records go to the topic's
 * dead-letter topic with the reason; events of other known types are acknowledged and ignored.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    AssignmentEngine engine;

    @Incoming("requests-in")
    @Blocking
    public CompletionStage<Void> onRequests(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.REQUEST_SUBMITTED), engine::apply);
    }

    @Incoming("roster-in")
    @Blocking
    public CompletionStage<Void> onRoster(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.ARCHITECT_REGISTERED, EventType.ARCHITECT_UPDATED),
                engine::apply);
    }

    @Incoming("engagements-in")
    @Blocking
    public CompletionStage<Void> onEngagements(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.ENGAGEMENT_COMPLETED), engine::apply);
    }
}
