package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.intake.store.RequestProjection;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the request-status projection from the topics. Records are read as bytes and decoded here, so a
 * record that is not a readable event fails this handler and the connector moves it to {@code <topic>.dlq}
 * with the reason; known events this service does not use are acknowledged and ignored.
 *
 * <p>The requests topic is read too: it makes the projection rebuildable from the log, and stores any
 * request whose POST answer was acknowledged by the broker but whose row never reached the database.
 * Transactions are opened by {@link RequestProjection} itself, which retries them when two consumers race on a row.
 */
@ApplicationScoped
public class ProjectionConsumers {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumers.class);

    private final RequestProjection projection;
    private final MeterRegistry meters;

    ProjectionConsumers(RequestProjection projection, MeterRegistry meters) {
        this.projection = projection;
        this.meters = meters;
    }

    @Incoming("requests-in")
    @Blocking
    public void onRequestEvent(byte[] record) {
        apply("requests", record);
    }

    @Incoming("assignments-in")
    @Blocking
    public void onAssignmentEvent(byte[] record) {
        apply("assignments", record);
    }

    @Incoming("engagements-in")
    @Blocking
    public void onEngagementEvent(byte[] record) {
        apply("engagements", record);
    }

    private void apply(String topic, byte[] record) {
        // an unreadable record throws here and is dead-lettered by the connector, counted as fasttrack.dead.letters
        EventEnvelope<EventData> envelope = EventCodec.decode(record);
        RequestProjection.Outcome outcome = projection.apply(envelope);
        meters.counter("fasttrack.intake.events", "topic", topic, "outcome", outcome.name().toLowerCase()).increment();
        LOG.debugf("%s %s %s (request %s): %s", topic, envelope.type(), envelope.eventId(), envelope.correlationId(), outcome);
    }
}
