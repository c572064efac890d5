package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes intake's events on the requests topic, keyed by tenant id (a TenantIdentified by its placeholder); each future completes once the broker
 * acknowledged the event (acks=all).
 */
@ApplicationScoped
public class RequestPublisher {

    private final Emitter<EventEnvelope<?>> emitter;
    private final IntakeConfig config;

    RequestPublisher(@Channel("requests-out") Emitter<EventEnvelope<?>> emitter, IntakeConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Fails with a {@link TransientFailure} when the broker refused the event or did not acknowledge it within
     * {@code fasttrack.intake.publish-timeout}; it may have been written all the same.
     */
    public CompletableFuture<Void> publish(EventEnvelope<RequestSubmitted> envelope) {
        return EnvelopeSends.sendWithin(emitter, envelope, config.publishTimeout());
    }

    /** {@link #publish}, for a placeholder a manager identified. */
    public CompletableFuture<Void> publishIdentification(EventEnvelope<TenantIdentified> envelope) {
        return EnvelopeSends.sendWithin(emitter, envelope, config.publishTimeout());
    }

    /** {@link #publish}, for a stall the sweep found. */
    public CompletableFuture<Void> publishStall(EventEnvelope<RequestStalled> envelope) {
        return EnvelopeSends.sendWithin(emitter, envelope, config.publishTimeout());
    }
}
