package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.fasttrack.flow.health.store.OwnershipProjection;
import io.fasttrack.flow.health.store.ProcessedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps who owns each customer from the assignments and engagements topics; other event types are ignored.
 * Both topics write the same rows (a request's engagement is created by whichever of its events comes
 * first), and their consumers run on threads of their own: each batch of changes is applied alone, in a
 * transaction that commits before the next begins, so a replay that reads both topics at full speed never races.
 */
@ApplicationScoped
public class OwnershipConsumer {

    private final ReentrantLock ownershipWrites = new ReentrantLock();

    @Inject
    OwnershipProjection ownership;

    @Inject
    Clock clock;

    @Incoming("assignments-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consumeAssignments(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.FTA_ASSIGNED), this::applyOnce);
    }

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consumeEngagements(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, Set.of(EventType.ENGAGEMENT_COMPLETED, EventType.ENGAGEMENT_REASSIGNED),
                this::applyOnce);
    }

    private void applyOnce(List<EventEnvelope<EventData>> events) {
        ownershipWrites.lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (EventEnvelope<EventData> envelope : events) {
                    if (ProcessedEvent.firstDelivery(envelope.eventId(), clock.instant())) {
                        apply(envelope);
                    }
                }
            });
        } finally {
            ownershipWrites.unlock();
        }
    }

    private void apply(EventEnvelope<EventData> envelope) {
        if (envelope.data() instanceof FtaAssigned assigned) {
            ownership.assigned(envelope, assigned);
        } else if (envelope.data() instanceof EngagementCompleted completed) {
            ownership.completed(completed);
        } else if (envelope.data() instanceof EngagementReassigned reassigned) {
            ownership.reassigned(envelope, reassigned);
        }
    }
}
