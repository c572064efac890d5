package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.EngagementSettings;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.EventType;
import io.fasttrack.flow.events.kafka.RecordBatches;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the engagements topic into the projection, a batch of records per transaction: how an empty database
 * is rebuilt, and how events of other instances arrive. The service's own events are normally already applied
 * (same event id) and skipped.
 *
 * <p>An own event can reach this consumer while the transaction that wrote it still waits for the broker's
 * ack; applying it then collides with the writer's uncommitted rows. The attempt is repeated in a fresh
 * transaction, which finds the event applied once the writer committed.
 */
@ApplicationScoped
public class EngagementEventConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);
    private static final Set<EventType> APPLIED = Set.of(EventType.ENGAGEMENT_OPENED, EventType.ENGAGEMENT_REASSIGNED,
            EventType.TASK_COMPLETED, EventType.STATUS_NOTE_ADDED, EventType.DIBS_RECORDED, EventType.ENGAGEMENT_COMPLETED);

    @Inject
    EngagementProjection projection;

    @Inject
    EngagementSettings settings;

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> onEngagementEvents(KafkaRecordBatch<String, byte[]> batch) {
        return RecordBatches.consume(batch, APPLIED, this::applyRetrying);
    }

    private void applyRetrying(List<EventEnvelope<EventData>> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> events.forEach(projection::apply));
                return;
            } catch (RuntimeException collision) {
                if (attempt >= settings.applyAttempts()) {
                    throw collision;
                }
                LOG.debugf("applying %d events collided with a concurrent write (attempt %d): %s", events.size(), attempt,
                        collision.getClass().getSimpleName());
                pause(100L * attempt);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
