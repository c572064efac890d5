package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.model.RiskAlertKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One risk alert of a customer, open from its RiskAlertRaised to its RiskAlertCleared. The row stays once cleared,
 * so raising the same customer, kind and concern again reopens it under the same alert id.
 */
@Entity
@Table(name = "risk_alert")
public class RiskAlert extends PanacheEntityBase {

    public enum State {
        OPEN,
        CLEARED
    }

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskAlertKind kind;

    @Column(nullable = false)
    public String concern;

    @Column(nullable = false)
    public String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    /** The RiskAlertRaised that opened it last: its clear's id derives from it, so each raise is cleared once. */
    @Column(name = "raised_event_id", nullable = false)
    public UUID raisedEventId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    /**
     * The alerts a batch may touch, locked until its commit so the expiry sweep and the consumer take turns: the
     * open ones of these customers and, open or not, these alert ids (a cleared one raised again).
     */
    public static Map<String, RiskAlert> lockedFor(Collection<String> tenantIds, Collection<String> alertIds) {
        Map<String, RiskAlert> byId = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return byId;
        }
        List<RiskAlert> rows = alertIds.isEmpty()
                ? find("tenantId in ?1 and state = ?2 order by alertId", tenantIds, State.OPEN)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                : find("(tenantId in ?1 and state = ?2) or alertId in ?3 order by alertId", tenantIds, State.OPEN, alertIds)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        rows.forEach(row -> byId.put(row.alertId, row));
        return byId;
    }

    /** Open alerts that end by themselves by {@code now}, oldest expiry first, locked until the commit. */
    public static List<RiskAlert> expiredBy(Instant now, int limit) {
        return find("state = ?1 and expiresAt <= ?2 order by expiresAt, alertId", State.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** An alert never raised before; not persisted yet (a batch persists its new rows once it is applied). */
    public static RiskAlert of(String alertId) {
        RiskAlert alert = new RiskAlert();
        alert.alertId = alertId;
        return alert;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The id of the one RiskAlertCleared that ends the alert's latest raise, whoever clears it. */
    public UUID clearedEventId() {
        return UUID.nameUUIDFromBytes((raisedEventId + "/RiskAlertCleared").getBytes(StandardCharsets.UTF_8));
    }
}
