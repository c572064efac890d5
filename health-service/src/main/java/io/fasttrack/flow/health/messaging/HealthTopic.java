package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** The health topic, which every event this service decides goes to: category changes, owners, contracts, renewals at risk. */
@ApplicationScoped
public class HealthTopic {

    // a batch of usage reports may change hundreds of categories at once; the batch size bounds the buffer
    @Inject
    @Channel("health-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> health;

    /** Published by a batch being applied: acknowledged before its transaction commits. */
    public void publish(Effects effects, EventEnvelope<?> envelope) {
        effects.publish(health, envelope);
    }

    /** Published by a caller's command: the future completes on the broker's ack. */
    public CompletableFuture<Void> send(EventEnvelope<?> envelope) {
        return EnvelopeSends.send(health, envelope);
    }
}
