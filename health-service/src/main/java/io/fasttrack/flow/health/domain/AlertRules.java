package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementStale;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.RenewalAtRisk;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.model.RiskAlertKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What each event health reads means for a customer's risk alerts: which alert it raises, which it clears. The
 * alerts and their ends, in one place:
 * <ul>
 * <li>{@code CATEGORY_DOWN}: a category change DOWN, about the new category; ends with a change UP, or once the
 * fall is older than the category-down window;</li>
 * <li>{@code RENEWAL_AT_RISK}: a RenewalAtRisk, about the renewal date; ends once that date has passed or the
 * contract names another renewal date;</li>
 * <li>{@code ENGAGEMENT_STALE}: an EngagementStale, about the engagement; ends with a status note or its completion;</li>
 * <li>{@code ESCALATION}: an escalation that {@linkplain io.fasttrack.flow.events.model.EscalationSeverity#raisesAlert()
 * raises an alert}, about the escalation; ends when it is resolved;</li>
 * <li>{@code SLA_BREACH}: a request unassigned past its deadline, about the request; ends when it is assigned.</li>
 * </ul>
 * An alert that would already have ended when its cause is read (a fall older than the window, a renewal passed)
 * is not raised at all.
 */
public final class AlertRules {

    private final Duration categoryDownWindow;

    public AlertRules(Duration categoryDownWindow) {
        if (categoryDownWindow.isNegative() || categoryDownWindow.isZero()) {
            throw new IllegalArgumentException("the category-down window must be positive, not " + categoryDownWindow);
        }
        this.categoryDownWindow = categoryDownWindow;
    }

    /** What an event does to the alerts. */
    public sealed interface Outcome permits Raise, Clear {
    }

    /**
     * Opens the alert of the customer, kind and concern, unless it is open already.
     *
     * @param expiresAt when the alert ends by itself; null when only an event ends it
     */
    public record Raise(String tenantId, RiskAlertKind kind, String concern, String detail, Instant raisedAt,
            Instant expiresAt) implements Outcome {

        public String alertId() {
            return AlertRules.alertId(tenantId, kind, concern);
        }
    }

    /** Ends the customer's open alerts of the kind whose concern the selector matches. */
    public record Clear(String tenantId, RiskAlertKind kind, Concerns concerns, String reason, Instant clearedAt)
            implements Outcome {
    }

    /** Which concerns a clear ends: exactly one, every one, or every one but one. */
    public record Concerns(String only, String except) {

        public static Concerns only(String concern) {
            return new Concerns(Objects.requireNonNull(concern), null);
        }

        public static Concerns any() {
            return new Concerns(null, null);
        }

        public static Concerns allBut(String concern) {
            return new Concerns(null, Objects.requireNonNull(concern));
        }

        public boolean match(String concern) {
            return (only == null || only.equals(concern)) && (except == null || !except.equals(concern));
        }
    }

    /** The one id of an alert: the same customer, kind and concern is the same alert, raised again or not. */
    public static String alertId(String tenantId, RiskAlertKind kind, String concern) {
        return UUID.nameUUIDFromBytes(("RiskAlert/" + tenantId + "/" + kind + "/" + concern).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * What the event does to the alerts.
     *
     * @param occurredAt the event's envelope time, for an event that does not date itself
     * @param now        the service's clock: an alert already over by now is not raised
     */
    public List<Outcome> outcomesOf(EventData event, Instant occurredAt, Instant now) {
        Outcome outcome = outcomeOf(event, occurredAt);
        if (outcome instanceof Raise raise && raise.expiresAt() != null && !raise.expiresAt().isAfter(now)) {
            return List.of();
        }
        return outcome == null ? List.of() : List.of(outcome);
    }

    private Outcome outcomeOf(EventData event, Instant occurredAt) {
        if (event instanceof HealthCategoryChanged changed) {
            if ("DOWN".equals(changed.direction())) {
                return categoryDown(changed, occurredAt);
            }
            return "UP".equals(changed.direction()) ? new Clear(changed.tenantId(), RiskAlertKind.CATEGORY_DOWN,
                    Concerns.any(), "the category moved up to " + changed.newCategory(), at(changed.changedAt(), occurredAt))
                    : null;
        }
        if (event instanceof RenewalAtRisk risk) {
            return renewalAtRisk(risk, occurredAt);
        }
        if (event instanceof CustomerContractRecorded contract) {
            return new Clear(contract.tenantId(), RiskAlertKind.RENEWAL_AT_RISK, Concerns.allBut(contract.renewalDate().toString()),
                    "the contract now renews on " + contract.renewalDate(), at(contract.recordedAt(), occurredAt));
        }
        if (event instanceof EngagementStale stale) {
            return new Raise(stale.tenantId(), RiskAlertKind.ENGAGEMENT_STALE, stale.engagementId(),
                    "engagement " + stale.engagementId() + " has had no status note since " + stale.lastNoteAt()
                            + " (stale since " + stale.staleAt() + ")",
                    at(stale.detectedAt(), occurredAt), null);
        }
        if (event instanceof StatusNoteAdded note) {
            return new Clear(note.tenantId(), RiskAlertKind.ENGAGEMENT_STALE, Concerns.only(note.engagementId()),
                    "a status note was added", at(note.addedAt(), occurredAt));
        }
        if (event instanceof EngagementCompleted completed) {
            return new Clear(completed.tenantId(), RiskAlertKind.ENGAGEMENT_STALE, Concerns.only(completed.engagementId()),
                    "the engagement was completed", at(completed.completedAt(), occurredAt));
        }
        if (event instanceof EscalationRaised escalation) {
            return escalation.severity().raisesAlert() ? new Raise(escalation.tenantId(), RiskAlertKind.ESCALATION,
                    escalation.escalationId(), escalation.severity() + " escalation " + escalation.escalationId()
                            + " on engagement " + escalation.engagementId(),
                    at(escalation.raisedAt(), occurredAt), null) : null;
        }
        if (event instanceof EscalationResolved resolved) {
            return new Clear(resolved.tenantId(), RiskAlertKind.ESCALATION, Concerns.only(resolved.escalationId()),
                    "the escalation was resolved", at(resolved.resolvedAt(), occurredAt));
        }
        if (event instanceof AssignmentSlaBreached breached) {
            return new Raise(breached.tenantId(), RiskAlertKind.SLA_BREACH, breached.requestId(),
                    "request " + breached.requestId() + (breached.queue() == null ? "" : " (" + breached.queue() + " queue)")
                            + " was not assigned by its SLA deadline " + breached.slaDeadline(),
                    at(breached.detectedAt(), occurredAt), null);
        }
        if (event instanceof FtaAssigned assigned) {
            return new Clear(assigned.tenantId(), RiskAlertKind.SLA_BREACH, Concerns.only(assigned.requestId()),
                    "the request was assigned", at(assigned.assignedAt(), occurredAt));
        }
        return null;
    }

    /** Why an alert that ended by itself ended: the sweep's reason. */
    public String expiryReason(RiskAlertKind kind) {
        return switch (kind) {
            case CATEGORY_DOWN -> "the fall is older than " + (categoryDownWindow.toSeconds() % 86_400 == 0
                    ? categoryDownWindow.toDays() + " days" : categoryDownWindow.toString());
            case RENEWAL_AT_RISK -> "the renewal date has passed";
            default -> throw new IllegalArgumentException(kind + " alerts do not end by themselves");
        };
    }

    private Raise categoryDown(HealthCategoryChanged changed, Instant occurredAt) {
        Instant fellAt = at(changed.changedAt(), occurredAt);
        return new Raise(changed.tenantId(), RiskAlertKind.CATEGORY_DOWN, changed.newCategory(),
                "health fell from " + changed.previousCategory() + " to " + changed.newCategory() + " (utilization "
                        + changed.previousUtilization() + " to " + changed.utilization() + ") as of " + changed.asOf(),
                fellAt, fellAt.plus(categoryDownWindow));
    }

    private static Raise renewalAtRisk(RenewalAtRisk risk, Instant occurredAt) {
        LocalDate renewal = risk.renewalDate();
        return new Raise(risk.tenantId(), RiskAlertKind.RENEWAL_AT_RISK, renewal.toString(),
                "renewal on " + renewal + " forecast " + risk.forecastCategory() + " (utilization "
                        + risk.forecastUtilization() + "), below the target " + risk.targetCategory(),
                at(risk.detectedAt(), occurredAt), renewal.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Instant at(Instant stated, Instant occurredAt) {
        return stated != null ? stated : occurredAt;
    }
}
