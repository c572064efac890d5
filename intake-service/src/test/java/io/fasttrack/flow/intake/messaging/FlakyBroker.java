package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import jakarta.enterprise.inject.Vetoed;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RequestPublisher} for {@code QuarkusMock}: its next publishes of a submission end as scripted (the broker wrote the
 * record but the ack came too late, the broker did not take it, the ack is held back), the rest go through the
 * real publisher to the real broker. Not a bean of its own.
 */
@Vetoed
public class FlakyBroker extends RequestPublisher {

    /** How one publish ends. */
    @FunctionalInterface
    public interface Attempt {
        CompletableFuture<Void> publish(RequestPublisher broker, EventEnvelope<RequestSubmitted> envelope);
    }

    /** The record reaches the topic, but the caller gives up waiting for the acknowledgement first. */
    public static final Attempt WRITTEN_BUT_NOT_ACKNOWLEDGED = (broker, envelope) -> broker.publish(envelope)
            .thenCompose(acknowledged -> CompletableFuture.failedFuture(notAcknowledged()));

    /** The broker never takes the record. */
    public static final Attempt NOT_WRITTEN = (broker, envelope) -> CompletableFuture.failedFuture(notAcknowledged());

    private final RequestPublisher broker;
    private final Queue<Attempt> script;

    public FlakyBroker(RequestPublisher broker, Attempt... next) {
        super(null, null);
        this.broker = broker;
        this.script = new ConcurrentLinkedQueue<>(List.of(next));
    }

    /** Published and acknowledged, but the acknowledgement reaches the caller only once {@code released} opens. */
    public static Attempt heldUntil(CountDownLatch released) {
        // the wait for the release runs on a thread of its own, as the caller's thread must not block
        return (broker, envelope) -> broker.publish(envelope).thenComposeAsync(acknowledged -> {
            try {
                return released.await(30, TimeUnit.SECONDS) ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(notAcknowledged());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return CompletableFuture.<Void>failedFuture(notAcknowledged());
            }
        });
    }

    @Override
    public CompletableFuture<Void> publish(EventEnvelope<RequestSubmitted> envelope) {
        Attempt scripted = script.poll();
        return scripted == null ? broker.publish(envelope) : scripted.publish(broker, envelope);
    }

    @Override
    public CompletableFuture<Void> publishStall(EventEnvelope<RequestStalled> envelope) {
        return broker.publishStall(envelope);
    }

    private static TransientFailure notAcknowledged() {
        return new TransientFailure("1 event(s) not acknowledged by the broker within the publish timeout");
    }
}
