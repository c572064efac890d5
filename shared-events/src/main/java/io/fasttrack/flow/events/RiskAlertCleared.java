package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.RiskAlertKind;
import java.time.Instant;
import java.util.Objects;

/**
 * An open alert no longer holds (a note ended staleness, the escalation was resolved, the window passed...).
 * Topic: alerts; key: tenant id.
 *
 * @param reason why it cleared, one line
 */
public record RiskAlertCleared(
        String alertId,
        String tenantId,
        RiskAlertKind kind,
        String concern,
        String reason,
        String causeId,
        Instant clearedAt) implements EventData {

    public RiskAlertCleared {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
