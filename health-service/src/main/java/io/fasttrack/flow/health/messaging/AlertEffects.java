package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What applying a batch of alert causes publishes (awaited before its transaction commits) and does after the
 * commit. The kit's {@code Effects} does the same inside its own transaction, which the alerts consumer cannot use:
 * it keeps its own applied events (see {@link io.fasttrack.flow.health.store.AlertAppliedEvent}).
 */
final class AlertEffects {

    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    <T extends EventEnvelope<?>> void publish(Emitter<T> emitter, T envelope) {
        acks.add(EnvelopeSends.send(emitter, envelope));
    }

    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<CompletableFuture<Void>> acks() {
        return acks;
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
