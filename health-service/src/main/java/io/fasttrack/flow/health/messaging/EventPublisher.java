package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.kafka.EnvelopeSends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Sends events keyed by their subject and waits until the broker has acknowledged every one of them. */
@ApplicationScoped
public class EventPublisher {

    // a bulk POST hands thousands of events over at once; the connector's in-flight limit paces the broker
    @Inject
    @Channel("usage-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<UsageReported>> usage;

    // a batch of usage reports may change hundreds of categories at once; the batch size bounds the buffer
    @Inject
    @Channel("health-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<HealthCategoryChanged>> health;

    /** Sends all, then awaits all acknowledgements; throws {@link PublishFailedException} if any is missing in time. */
    public void publishUsage(List<EventEnvelope<UsageReported>> events, Duration timeout) {
        CompletableFuture<?>[] acks = events.stream().map(event -> EnvelopeSends.send(usage, event)).toArray(CompletableFuture[]::new);
        await(CompletableFuture.allOf(acks), timeout, events.size() + " UsageReported");
    }

    /** Sends without waiting; the caller passes the returned ack to {@link #awaitAll} before its transaction commits. */
    public CompletableFuture<Void> sendHealth(EventEnvelope<HealthCategoryChanged> event) {
        return EnvelopeSends.send(health, event);
    }

    /** Waits for every ack; throws {@link PublishFailedException} if any is missing in time. */
    public static void awaitAll(List<CompletableFuture<Void>> acks, Duration timeout, String what) {
        await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), timeout, what);
    }

    private static void await(CompletableFuture<?> acks, Duration timeout, String what) {
        try {
            acks.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing " + what, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("the broker refused " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("the broker did not acknowledge " + what + " within " + timeout, e);
        }
    }
}
