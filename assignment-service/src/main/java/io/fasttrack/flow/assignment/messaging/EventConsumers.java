package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three inputs. Each channel is consumed in order on its own worker thread; the engine serializes the
 * changes across channels. A record that is not a readable event throws here and goes to the topic's
 * dead-letter topic with the reason; events of other known types are acknowledged and ignored.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    AssignmentEngine engine;

    @Incoming("requests-in")
    @Blocking
    public void onRequest(byte[] record) {
        EventEnvelope<EventData> event = EventCodec.decode(record);
        if (event.data() instanceof RequestSubmitted submitted) {
            engine.onRequestSubmitted(event, submitted);
        }
    }

    @Incoming("roster-in")
    @Blocking
    public void onRoster(byte[] record) {
        EventEnvelope<EventData> event = EventCodec.decode(record);
        if (event.data() instanceof ArchitectRegistered registered) {
            engine.onRosterChange(event, registered.architect());
        } else if (event.data() instanceof ArchitectUpdated updated) {
            engine.onRosterChange(event, updated.architect());
        }
    }

    @Incoming("engagements-in")
    @Blocking
    public void onEngagement(byte[] record) {
        EventEnvelope<EventData> event = EventCodec.decode(record);
        if (event.data() instanceof EngagementCompleted completed) {
            engine.onEngagementCompleted(event, completed);
        }
    }
}
