package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes engagement events keyed by their subject and returns only once the broker acknowledged them. */
@ApplicationScoped
public class EventPublisher {

    @Inject
    @Channel("engagements-out")
    MutinyEmitter<EventEnvelope<?>> engagements;

    public void publish(List<EventEnvelope<?>> envelopes) {
        for (EventEnvelope<?> envelope : envelopes) {
            try {
                engagements.sendMessageAndAwait(Message.<EventEnvelope<?>>of(envelope).addMetadata(
                        OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build()));
            } catch (RuntimeException e) {
                throw new PublishFailedException(envelope, e);
            }
        }
    }

    /** The broker did not acknowledge an event; the caller's transaction must not commit. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(EventEnvelope<?> envelope, Throwable cause) {
            super("event " + envelope.eventId() + " (" + envelope.type() + ") was not acknowledged by the broker", cause);
        }
    }
}
