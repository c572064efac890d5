package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Publishes RequestSubmitted keyed by tenant id and returns only once the broker acknowledged it (acks=all). */
@ApplicationScoped
public class RequestPublisher {

    private final Emitter<EventEnvelope<RequestSubmitted>> emitter;
    private final IntakeConfig config;

    RequestPublisher(@Channel("requests-out") Emitter<EventEnvelope<RequestSubmitted>> emitter, IntakeConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * @throws TransientFailure when the broker refused the event or did not acknowledge it within
     *         {@code fasttrack.intake.publish-timeout}; it may have been written all the same
     */
    public void publish(EventEnvelope<RequestSubmitted> envelope) {
        Effects.awaitAll(List.of(EnvelopeSends.send(emitter, envelope)), config.publishTimeout());
    }
}
