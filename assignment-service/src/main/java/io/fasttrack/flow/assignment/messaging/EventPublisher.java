package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EnvelopeSends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends events keyed by their subject without waiting: the returned future completes on the broker's ack, and
 * the caller waits for all of a transaction's futures before it commits. Plain ack callbacks, not a Uni, so
 * no transaction context is propagated to the producer's threads.
 */
@ApplicationScoped
public class EventPublisher {

    // a batch of inputs hands hundreds of decisions over at once; the batch size bounds the buffer
    @Inject
    @Channel("assignments-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> assignments;

    @Inject
    @Channel("roster-out")
    Emitter<EventEnvelope<?>> roster;

    public CompletableFuture<Void> publishAssignmentEvent(EventEnvelope<?> envelope) {
        return EnvelopeSends.send(assignments, envelope);
    }

    public CompletableFuture<Void> publishRosterEvent(EventEnvelope<?> envelope) {
        return EnvelopeSends.send(roster, envelope);
    }
}
