package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What applying alert causes publishes and does after the commit. The events are held until the batch is applied,
 * so the ones a rebuild had published already are left out ({@link PublishedAlerts}); then they are sent and awaited
 * before the commit. The kit's {@code Effects} publishes at once, inside a transaction the alerts consumer cannot use:
 * it keeps its own applied events (see {@link io.fasttrack.flow.health.store.AlertAppliedEvent}).
 */
final class AlertEffects {

    private final List<EventEnvelope<?>> pending = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    void publish(EventEnvelope<?> envelope) {
        pending.add(envelope);
    }

    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<EventEnvelope<?>> pending() {
        return pending;
    }

    List<UUID> pendingIds() {
        return pending.stream().map(EventEnvelope::eventId).toList();
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
