package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.health.store.AlertAppliedEvent;
import io.fasttrack.flow.health.store.AlertPublishedEvent;
import io.fasttrack.flow.kit.messaging.TopicHistory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps a rebuild from publishing alert events twice. When the alerts projection starts empty (it applied no event
 * yet) over an alerts topic that holds events, it is being rebuilt: before the channels start, the ids of those events
 * are recorded, and an alert event the rebuild causes again under one of them (its id is fixed by its cause) changes
 * the projection without being published. A projection that applied events before reads nothing at its start.
 */
@ApplicationScoped
public class PublishedAlerts {

    /** Before reactive messaging starts the channels (its start-up observer has priority 1000), so no cause is read first. */
    private static final int BEFORE_THE_CHANNELS_START = 900;
    private static final Logger LOG = Logger.getLogger(PublishedAlerts.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.outgoing.alerts-out.topic")
    String topic;

    /** Whether ids of history were recorded: only then does a batch look its alert events up. */
    private volatile boolean rebuilding;

    void atStart(@Observes @Priority(BEFORE_THE_CHANNELS_START) StartupEvent start) {
        boolean empty = QuarkusTransaction.requiringNew().call(() -> AlertAppliedEvent.count() == 0);
        boolean recordedBefore = QuarkusTransaction.requiringNew().call(() -> AlertPublishedEvent.count() > 0);
        if (empty) {
            recordHistory();
        } else {
            rebuilding = recordedBefore;
        }
    }

    /** Records the ids of every event on the alerts topic now. */
    public void recordHistory() {
        TopicHistory.Read read = TopicHistory.read(bootstrapServers, topic, events -> QuarkusTransaction.requiringNew()
                .run(() -> AlertPublishedEvent.recordNew(events.stream().map(EventEnvelope::eventId).toList())));
        if (read.events() > 0) {
            rebuilding = true;
            LOG.infof("empty alerts projection, %d event(s) on %s: rebuilt from their causes without publishing them again",
                    read.events(), topic);
        }
    }

    /** Which of these alert events were published before the rebuild; none outside a rebuild, without a query. */
    Set<UUID> publishedBefore(Collection<UUID> eventIds) {
        return rebuilding ? AlertPublishedEvent.among(eventIds) : Set.of();
    }
}
