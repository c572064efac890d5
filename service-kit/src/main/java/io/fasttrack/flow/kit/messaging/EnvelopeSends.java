package io.fasttrack.flow.kit.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishing an envelope as the contract says: the record key is the envelope's subject, and it counts as
 * published only once the broker acknowledged it. Plain ack callbacks rather than a Uni, so no transaction
 * context of the caller reaches the producer's threads.
 */
public final class EnvelopeSends {

    private EnvelopeSends() {
    }

    /**
     * Hands the envelope to the emitter; the future completes on the broker's ack, exceptionally on a refusal.
     * An envelope caused by an event of the batch being applied is published in that event's trace.
     */
    public static <T extends EventEnvelope<?>> CompletableFuture<Void> send(Emitter<T> emitter, T envelope) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<T> message = Message.of(envelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.subject()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        Message<T> traced = BatchConsumer.traceOfCause(envelope.causationId())
                .map(cause -> message.addMetadata(TracingMetadata.with(cause, cause)))
                .orElse(message);
        try {
            emitter.send(traced);
        } catch (RuntimeException refused) {
            acked.completeExceptionally(refused);
        }
        return acked;
    }

    /**
     * {@link #send}, without waiting: the future fails with a {@link TransientFailure} when the broker refused the
     * envelope or did not acknowledge it within {@code timeout}.
     */
    public static <T extends EventEnvelope<?>> CompletableFuture<Void> sendWithin(Emitter<T> emitter, T envelope,
            Duration timeout) {
        return send(emitter, envelope).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(unacknowledged(failure, timeout)));
    }

    private static TransientFailure unacknowledged(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof TimeoutException
                ? new TransientFailure("not acknowledged by the broker within " + timeout, cause)
                : new TransientFailure("the broker refused an event: " + cause, cause);
    }
}
