package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.model.RiskAlertKind;
import java.time.Instant;

/**
 * One open alert of GET /alerts, with its customer's region and owners by id. No personal data: no names, no
 * addresses, no free text an author wrote (an escalation's blocker stays with the engagement).
 */
public record AlertView(String alertId, String tenantId, RiskAlertKind kind, String concern, String detail,
        Instant raisedAt, String region, String teamManager, String fastTrackManager) {
}
