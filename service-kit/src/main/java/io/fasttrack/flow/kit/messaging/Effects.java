package io.fasttrack.flow.kit.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What applying a batch causes beyond the service's own tables: the events it publishes (acknowledged by the
 * broker before the transaction commits), the ids of those the service already applied to its projection (so
 * reading them back is a no-op), and the actions that may only happen once the transaction committed (a mail).
 */
public final class Effects {

    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final List<UUID> alsoApplied = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    /** Publishes the envelope keyed by its subject; it counts once the broker acknowledged it. */
    public <T extends EventEnvelope<?>> void publish(Emitter<T> emitter, T envelope) {
        acks.add(EnvelopeSends.send(emitter, envelope));
    }

    /** Marks an event this service caused and already applied, so its copy on the topic changes nothing. */
    public void alsoApplied(UUID eventId) {
        alsoApplied.add(eventId);
    }

    /** Runs the action after the transaction commits; never when it rolls back. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<UUID> alsoApplied() {
        return alsoApplied;
    }

    List<Runnable> afterCommit() {
        return afterCommit;
    }

    boolean publishedAnything() {
        return !acks.isEmpty();
    }

    /**
     * Waits, at most {@code timeout} in all, until the broker acknowledged everything published.
     *
     * @throws TransientFailure when it did not in time or refused with a retriable error
     */
    void awaitAcks(Duration timeout) {
        awaitAll(acks, timeout);
    }

    /** Waits for every future, at most {@code timeout} in all; a refusal or the timeout is a {@link TransientFailure}. */
    public static void awaitAll(List<CompletableFuture<Void>> acks, Duration timeout) {
        if (acks.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new TransientFailure(acks.size() + " event(s) not acknowledged by the broker within " + timeout, late);
        } catch (ExecutionException refused) {
            throw new TransientFailure("the broker refused an event: " + refused.getCause(), refused.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while waiting for the broker", interrupted);
        }
    }
}
