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
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps who owns each customer from the assignments and engagements topics; other event types are ignored. One
 * consumer reads both topics, which write the same rows (a request's engagement is created by whichever of its
 * events comes first): one batch and one transaction for what they hold, so two inserts of one row never race.
 */
@ApplicationScoped
public class OwnershipConsumer {

    private static final Set<EventType> OWNERSHIP_EVENTS = Set.of(EventType.FTA_ASSIGNED,
            EventType.ENGAGEMENT_COMPLETED, EventType.ENGAGEMENT_REASSIGNED);

    @Inject
    BatchConsumer consumer;

    @Inject
    OwnershipProjection ownership;

    @Incoming("ownership-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(batch, OWNERSHIP_EVENTS, (fresh, effects) -> ownership.apply(fresh));
    }
}
