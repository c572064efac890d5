package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.EngagementSettings;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads the engagements topic into the projection: how an empty database is rebuilt, and how events of
 * other instances arrive. The service's own events are normally already applied (same event id) and skipped.
 *
 * <p>An own event can reach this consumer while the transaction that wrote it still waits for the broker's
 * ack; applying it then collides with the writer's uncommitted rows. The attempt is repeated in a fresh
 * transaction, which finds the event applied once the writer committed.
 */
@ApplicationScoped
public class EngagementEventConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventConsumer.class);

    @Inject
    EngagementProjection projection;

    @Inject
    EngagementSettings settings;

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    public void onEngagementEvent(byte[] value) throws InterruptedException {
        EventEnvelope<EventData> envelope = EventCodec.decode(value);
        if (!EngagementProjection.handles(envelope.data())) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> projection.apply(envelope));
                return;
            } catch (RuntimeException collision) {
                if (attempt >= settings.applyAttempts()) {
                    throw collision;
                }
                LOG.debugf("applying %s collided with a concurrent write (attempt %d): %s", envelope.eventId(), attempt,
                        collision.getClass().getSimpleName());
                Thread.sleep(100L * attempt);
            }
        }
    }
}
