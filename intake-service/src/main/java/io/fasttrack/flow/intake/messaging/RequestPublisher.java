package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.IntakeConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes RequestSubmitted keyed by tenant id and returns only once the broker acknowledged it (acks=all). */
@ApplicationScoped
public class RequestPublisher {

    private final MutinyEmitter<EventEnvelope<RequestSubmitted>> emitter;
    private final IntakeConfig config;

    RequestPublisher(@Channel("requests-out") MutinyEmitter<EventEnvelope<RequestSubmitted>> emitter, IntakeConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** @throws PublishFailedException when the broker refused the event or did not acknowledge it in time */
    public void publish(EventEnvelope<RequestSubmitted> envelope) {
        Message<EventEnvelope<RequestSubmitted>> message = Message.of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build());
        try {
            emitter.sendMessage(message).await().atMost(config.publishTimeout());
        } catch (RuntimeException e) {
            throw new PublishFailedException("event " + envelope.eventId() + " was not acknowledged by the broker", e);
        }
    }
}
