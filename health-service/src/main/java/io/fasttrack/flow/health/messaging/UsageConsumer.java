package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.health.store.ProcessedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the usage topic. An unreadable record makes {@link EventCodec#decode} throw, which sends it to the
 * dead-letter topic with the reason; a redelivered event id is skipped.
 */
@ApplicationScoped
public class UsageConsumer {

    @Inject
    HealthProjection projection;

    @Inject
    Clock clock;

    @Incoming("usage-in")
    @Blocking(ordered = true)
    @Transactional
    public void consume(byte[] record) {
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        if (envelope.data() instanceof UsageReported report && ProcessedEvent.firstDelivery(envelope.eventId(), clock.instant())) {
            projection.apply(envelope, report);
        }
    }
}
