package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.health.domain.AlertRules;
import io.fasttrack.flow.health.store.RiskAlert;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends the alerts whose time is up by the service's clock (a fall older than the category-down window, a renewal
 * date passed), every {@code fasttrack.health.alerts.sweep-interval}. Each clear is acknowledged by the broker before
 * the transaction that ends the alert commits; one that is not is tried again by the next sweep, under the same id.
 */
@ApplicationScoped
public class AlertSweep {

    /** Alerts one transaction ends at most; the sweep goes on until none is due. */
    static final int MAX_PER_TRANSACTION = 500;
    private static final Logger LOG = Logger.getLogger(AlertSweep.class);

    @Inject
    AlertRules rules;

    @Inject
    AlertChanges changes;

    @Inject
    KitSettings kit;

    @Inject
    PublishedAlerts published;

    @Inject
    Clock clock;

    @Scheduled(every = "${fasttrack.health.alerts.sweep-interval}", delayed = "${fasttrack.health.alerts.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (TransientFailure unacknowledged) {
            LOG.warnf("expired alerts not cleared yet (%s); the next sweep tries again", unacknowledged.getMessage());
        }
    }

    /** Ends every alert due by now; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        int ended = 0;
        int batch;
        do {
            AlertEffects effects = new AlertEffects();
            batch = QuarkusTransaction.requiringNew().call(() -> expire(now, effects));
            effects.afterCommitActions().forEach(Runnable::run);
            ended += batch;
        } while (batch == MAX_PER_TRANSACTION);
        return ended;
    }

    private int expire(Instant now, AlertEffects effects) {
        List<RiskAlert> expired = RiskAlert.expiredBy(now, MAX_PER_TRANSACTION);
        for (RiskAlert alert : expired) {
            changes.expire(alert, rules.expiryReason(alert.kind), effects);
        }
        Effects.awaitAll(changes.send(effects, published.publishedBefore(effects.pendingIds())), kit.ackTimeout());
        return expired.size();
    }
}
