package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.health.store.OwnershipProjection;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps who owns each customer from the assignments and engagements topics; other event types are ignored.
 * Both topics write the same rows (a request's engagement is created by whichever of its events comes
 * first), and their consumers run on threads of their own: each batch is applied alone, its transaction
 * committed before the other channel's next one begins, so a replay that reads both topics at full speed
 * never races two inserts of one row.
 */
@ApplicationScoped
public class OwnershipConsumer {

    private final ReentrantLock ownershipWrites = new ReentrantLock();

    @Inject
    BatchConsumer consumer;

    @Inject
    OwnershipProjection ownership;

    @Incoming("assignments-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consumeAssignments(KafkaRecordBatch<String, byte[]> batch) {
        return applyAlone(batch, Set.of(EventType.FTA_ASSIGNED));
    }

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consumeEngagements(KafkaRecordBatch<String, byte[]> batch) {
        return applyAlone(batch, Set.of(EventType.ENGAGEMENT_COMPLETED, EventType.ENGAGEMENT_REASSIGNED));
    }

    private CompletionStage<Void> applyAlone(KafkaRecordBatch<String, byte[]> batch, Set<EventType> used) {
        ownershipWrites.lock();
        try {
            return consumer.consume(batch, used, (fresh, effects) -> ownership.apply(fresh));
        } finally {
            ownershipWrites.unlock();
        }
    }
}
