package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.health.domain.AlertRules;
import io.fasttrack.flow.health.store.AlertAppliedEvent;
import io.fasttrack.flow.health.store.BatchRows;
import io.fasttrack.flow.health.store.RiskAlert;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps each customer's open risk alerts from the events of a batch, in record order: a raise of an alert that is
 * open already and a clear that finds nothing open publish nothing; every other raise or clear changes the alert
 * and publishes its RiskAlertRaised or RiskAlertCleared (acknowledged by the broker before the commit).
 *
 * <p>Set-wise: the alerts the batch may touch are read (and locked against the expiry sweep) with one query, the
 * events are applied to them in memory, and the alerts new in this batch are persisted once, after its last event.
 *
 * <p>Its transaction is its own (the kit's {@code consumeWith}): the events it applied are kept in
 * {@link AlertAppliedEvent}, not in the kit's processed events, which the ownership projection fills from some of
 * the same events. Otherwise it is the kit's loop: the applied ids dropped with one query, the rest applied and
 * recorded, the acks of what it published awaited (at most {@code fasttrack.events.ack-timeout}), the commit, then
 * the after-commit actions.
 */
@ApplicationScoped
public class AlertProjection {

    private static final Logger LOG = Logger.getLogger(AlertProjection.class);

    @Inject
    AlertRules rules;

    @Inject
    AlertChanges changes;

    @Inject
    Clock clock;

    @Inject
    KitSettings kit;

    @Inject
    PublishedAlerts published;

    /** An event of the batch and what it does to the alerts, worked out before anything is read or written. */
    private record Caused(EventEnvelope<EventData> cause, List<AlertRules.Outcome> outcomes) {
    }

    /** Applies the events not applied before, in one transaction of its own; runs the after-commit actions. */
    public void applyOnce(List<EventEnvelope<EventData>> events) {
        List<Runnable> afterCommit = QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> applied = AlertAppliedEvent.alreadyApplied(events.stream().map(EventEnvelope::eventId).toList());
            Map<UUID, EventEnvelope<EventData>> fresh = new LinkedHashMap<>();
            events.stream().filter(event -> !applied.contains(event.eventId()))
                    .forEach(event -> fresh.putIfAbsent(event.eventId(), event));
            if (fresh.isEmpty()) {
                return List.<Runnable>of();
            }
            AlertEffects effects = new AlertEffects();
            Instant now = clock.instant();
            apply(List.copyOf(fresh.values()), effects, now);
            AlertAppliedEvent.record(fresh.keySet(), now);
            Effects.awaitAll(changes.send(effects, published.publishedBefore(effects.pendingIds())), kit.ackTimeout());
            return effects.afterCommitActions();
        });
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException failed) {
                LOG.errorf("an after-commit action failed (%s); what it does must recover on its own", failed);
            }
        }
    }

    private void apply(List<EventEnvelope<EventData>> fresh, AlertEffects effects, Instant now) {
        List<Caused> batch = fresh.stream().map(event -> new Caused(event, outcomesOf(event, now))).toList();
        Set<String> tenants = new HashSet<>();
        Set<String> raised = new HashSet<>();
        for (Caused caused : batch) {
            for (AlertRules.Outcome outcome : caused.outcomes()) {
                if (outcome instanceof AlertRules.Raise raise) {
                    tenants.add(raise.tenantId());
                    raised.add(raise.alertId());
                } else if (outcome instanceof AlertRules.Clear clear) {
                    tenants.add(clear.tenantId());
                }
            }
        }
        Map<String, RiskAlert> touched = RiskAlert.lockedFor(tenants, raised);
        BatchRows<RiskAlert> alerts = new BatchRows<>(touched);
        for (Caused caused : batch) {
            for (AlertRules.Outcome outcome : caused.outcomes()) {
                if (outcome instanceof AlertRules.Raise raise) {
                    RiskAlert alert = alerts.getOrCreate(raise.alertId(), RiskAlert::of);
                    if (!alert.isOpen()) {
                        changes.raise(alert, raise, caused.cause(), effects);
                    }
                } else if (outcome instanceof AlertRules.Clear clear) {
                    for (RiskAlert alert : openMatching(touched.values(), clear)) {
                        changes.clear(alert, clear.reason(), clear.clearedAt(), caused.cause(), effects);
                    }
                }
            }
        }
        alerts.persistCreated();
    }

    private List<AlertRules.Outcome> outcomesOf(EventEnvelope<EventData> event, Instant now) {
        String tenantId = event.data().subject();
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidEventException(event.eventType().wireName() + " " + event.eventId() + " names no customer (blank tenantId)");
        }
        return rules.outcomesOf(event.data(), event.occurredAt(), now);
    }

    /** The open alerts a clear ends, oldest raise first, so their events come in the order the alerts were raised. */
    private static List<RiskAlert> openMatching(Iterable<RiskAlert> alerts, AlertRules.Clear clear) {
        List<RiskAlert> matching = new ArrayList<>();
        for (RiskAlert alert : alerts) {
            if (alert.isOpen() && alert.tenantId.equals(clear.tenantId()) && alert.kind == clear.kind()
                    && clear.concerns().match(alert.concern)) {
                matching.add(alert);
            }
        }
        matching.sort(Comparator.comparing((RiskAlert alert) -> alert.raisedAt).thenComparing(alert -> alert.alertId));
        return matching;
    }
}
