package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EnvelopeSends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes engagement events keyed by their subject: sends them all, then returns only once the broker
 * acknowledged every one. Plain ack callbacks, not a Uni, so no transaction context reaches the producer's threads.
 */
@ApplicationScoped
public class EventPublisher {

    // a batch of FtaAssigned hands hundreds of events over at once; the batch size bounds the buffer
    @Inject
    @Channel("engagements-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> engagements;

    public void publish(List<EventEnvelope<?>> envelopes) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(envelopes.size());
        for (EventEnvelope<?> envelope : envelopes) {
            acks.add(EnvelopeSends.send(engagements, envelope));
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).join();
            } catch (CompletionException e) {
                throw new PublishFailedException(envelopes.get(i), e.getCause());
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
