package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.health.store.OwnershipProjection;
import io.fasttrack.flow.health.store.ProcessedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps who owns each customer from the assignments and engagements topics; other event types are ignored.
 * Both topics write the same rows (a request's engagement is created by whichever of its events comes
 * first), and their consumers run on threads of their own: each change is applied alone, in a transaction
 * that commits before the next begins, so a replay that reads both topics at full speed never races.
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
    public void consumeAssignment(byte[] record) {
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        if (envelope.data() instanceof FtaAssigned assigned) {
            applyOnce(envelope, () -> ownership.assigned(envelope, assigned));
        }
    }

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public void consumeEngagement(byte[] record) {
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        if (envelope.data() instanceof EngagementCompleted completed) {
            applyOnce(envelope, () -> ownership.completed(completed));
        } else if (envelope.data() instanceof EngagementReassigned reassigned) {
            applyOnce(envelope, () -> ownership.reassigned(envelope, reassigned));
        }
    }

    private void applyOnce(EventEnvelope<?> envelope, Runnable change) {
        ownershipWrites.lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (firstDelivery(envelope)) {
                    change.run();
                }
            });
        } finally {
            ownershipWrites.unlock();
        }
    }

    private boolean firstDelivery(EventEnvelope<?> envelope) {
        return ProcessedEvent.firstDelivery(envelope.eventId(), clock.instant());
    }
}
