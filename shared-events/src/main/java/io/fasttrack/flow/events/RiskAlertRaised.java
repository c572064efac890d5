package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.RiskAlertKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer needs attention. One open alert per customer, kind and concern; health-service raises it from the
 * events it reads and clears it with {@link RiskAlertCleared}. Topic: alerts; key: tenant id.
 *
 * @param alertId   stable for the customer, kind and concern: raising it again is the same alert
 * @param concern   what the alert is about: an engagement, escalation or request id, a renewal date, a category
 * @param detail    one line for a manager
 * @param causeId   the event that raised it
 */
public record RiskAlertRaised(
        String alertId,
        String tenantId,
        RiskAlertKind kind,
        String concern,
        String detail,
        String causeId,
        Instant raisedAt) implements EventData {

    public RiskAlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(concern, "concern");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
