package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RenewalAtRisk;
import io.fasttrack.flow.health.domain.Forecaster;
import io.fasttrack.flow.health.domain.RenewalRisk;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.kit.messaging.Effects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Publishes RenewalAtRisk when the forecast at a customer's contract renewal falls below the target category,
 * once per customer and renewal date: the account remembers the renewal reported, and the event's id is derived
 * from the customer and the date alone, so a replay, a rebuild or two channels checking at once publish the same
 * event, which consumers dedupe.
 */
@ApplicationScoped
public class RenewalWatch {

    @Inject
    Forecaster forecaster;

    @Inject
    RenewalRisk risk;

    @Inject
    HealthTopic topic;

    /**
     * @param history  every usage report of the customer (its latest state included)
     * @param cause    the event after which the customer is checked: a contract, a usage report, an identification
     */
    public void check(CustomerAccount account, CustomerHealth health, Collection<WorkloadUsage> history,
            EventEnvelope<?> cause, Effects effects) {
        if (account == null || !account.renewalUnreported() || health == null || health.category == null) {
            return;
        }
        Forecaster.Forecast forecast = forecaster.forecast(history, account.renewalDate);
        if (!risk.atRisk(forecast)) {
            return;
        }
        RenewalAtRisk atRisk = new RenewalAtRisk(account.tenantId, account.renewalDate, health.category, forecast.category(),
                risk.targetCategory(), forecast.utilization(), cause.occurredAt());
        topic.publish(effects, EventEnvelope.of(idOf(account), cause.occurredAt(), HealthProjection.SOURCE,
                cause.correlationId(), cause.eventId().toString(), atRisk));
        account.renewalAtRiskReported = account.renewalDate;
    }

    private static UUID idOf(CustomerAccount account) {
        return UUID.nameUUIDFromBytes(("RenewalAtRisk/" + account.tenantId + "/" + account.renewalDate).getBytes(StandardCharsets.UTF_8));
    }
}
