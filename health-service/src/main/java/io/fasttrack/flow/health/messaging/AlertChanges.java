package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RiskAlertCleared;
import io.fasttrack.flow.events.RiskAlertRaised;
import io.fasttrack.flow.health.domain.AlertRules;
import io.fasttrack.flow.health.store.RiskAlert;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Opens and ends alerts: changes the row and gives the event that says so, with an id fixed by what caused it (a
 * raise by its cause, a clear by the raise it ends), so applying the same cause again, after a redelivery or in a
 * rebuild, publishes the same ids. The consumer and the expiry sweep both go through here.
 */
@ApplicationScoped
public class AlertChanges {

    static final String SOURCE = "health-service";

    // a batch may raise or clear hundreds of alerts at once; the batch size bounds the buffer
    @Inject
    @Channel("alerts-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> alerts;

    @Inject
    MeterRegistry metrics;

    /** Opens the alert (new, or cleared before) and publishes its RiskAlertRaised through the batch's effects. */
    void raise(RiskAlert alert, AlertRules.Raise raise, EventEnvelope<EventData> cause, AlertEffects effects) {
        alert.tenantId = raise.tenantId();
        alert.kind = raise.kind();
        alert.concern = raise.concern();
        alert.detail = raise.detail();
        alert.state = RiskAlert.State.OPEN;
        alert.raisedAt = raise.raisedAt();
        alert.raisedEventId = cause.derivedId("RiskAlertRaised/" + alert.alertId);
        alert.expiresAt = raise.expiresAt();
        alert.clearedAt = null;
        RiskAlertRaised raised = new RiskAlertRaised(alert.alertId, alert.tenantId, alert.kind, alert.concern, alert.detail,
                cause.eventId().toString(), alert.raisedAt);
        effects.publish(EventEnvelope.of(alert.raisedEventId, cause.occurredAt(), SOURCE, cause.correlationId(),
                cause.eventId().toString(), raised));
        countAfterCommit(effects, alert, "raised");
    }

    /** Ends the alert because of an event read, publishing its RiskAlertCleared through the batch's effects. */
    void clear(RiskAlert alert, String reason, Instant clearedAt, EventEnvelope<EventData> cause, AlertEffects effects) {
        effects.publish(cleared(alert, reason, clearedAt, cause.eventId().toString(), cause.correlationId()));
        countAfterCommit(effects, alert, "cleared");
    }

    /** Ends the alert because its time is up (at its expiry, so a rebuild ends it at the same time). */
    void expire(RiskAlert alert, String reason, AlertEffects effects) {
        effects.publish(cleared(alert, reason, alert.expiresAt, null, null));
        countAfterCommit(effects, alert, "cleared");
    }

    /** Sends what the effects hold but the events a rebuild found published already; the futures complete on the acks. */
    List<CompletableFuture<Void>> send(AlertEffects effects, Set<UUID> publishedBefore) {
        return effects.pending().stream().filter(event -> !publishedBefore.contains(event.eventId()))
                .map(event -> EnvelopeSends.send(alerts, event)).toList();
    }

    private EventEnvelope<RiskAlertCleared> cleared(RiskAlert alert, String reason, Instant clearedAt, String causeId,
            String correlationId) {
        alert.state = RiskAlert.State.CLEARED;
        alert.clearedAt = clearedAt;
        RiskAlertCleared cleared = new RiskAlertCleared(alert.alertId, alert.tenantId, alert.kind, alert.concern, reason,
                causeId, clearedAt);
        return EventEnvelope.of(alert.clearedEventId(), clearedAt, SOURCE, correlationId,
                causeId != null ? causeId : alert.raisedEventId.toString(), cleared);
    }

    // counted once committed: a batch rolled back and applied again raised nothing twice
    private void countAfterCommit(AlertEffects effects, RiskAlert alert, String outcome) {
        String kind = alert.kind.name();
        effects.afterCommit(() -> metrics.counter("fasttrack.health.alerts", "kind", kind, "outcome", outcome).increment());
    }
}
