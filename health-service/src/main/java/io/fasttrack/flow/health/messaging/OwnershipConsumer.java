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
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps who owns each customer from the assignments and engagements topics; other event types are ignored. */
@ApplicationScoped
public class OwnershipConsumer {

    @Inject
    OwnershipProjection ownership;

    @Inject
    Clock clock;

    @Incoming("assignments-in")
    @Blocking(ordered = true)
    @Transactional
    public void consumeAssignment(byte[] record) {
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        if (envelope.data() instanceof FtaAssigned assigned && firstDelivery(envelope)) {
            ownership.assigned(envelope, assigned);
        }
    }

    @Incoming("engagements-in")
    @Blocking(ordered = true)
    @Transactional
    public void consumeEngagement(byte[] record) {
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        if (envelope.data() instanceof EngagementCompleted completed && firstDelivery(envelope)) {
            ownership.completed(completed);
        } else if (envelope.data() instanceof EngagementReassigned reassigned && firstDelivery(envelope)) {
            ownership.reassigned(envelope, reassigned);
        }
    }

    private boolean firstDelivery(EventEnvelope<?> envelope) {
        return ProcessedEvent.firstDelivery(envelope.eventId(), clock.instant());
    }
}
