package io.fasttrack.flow.events.model;

/** Why a customer needs a FastTrack Manager's attention. */
public enum RiskAlertKind {
    /** The health category moved down within the alert window (30 days by default). */
    CATEGORY_DOWN,
    /** The forecast at the next renewal is below the target category. */
    RENEWAL_AT_RISK,
    /** An engagement has had no status note for the stale period. */
    ENGAGEMENT_STALE,
    /** An open escalation of severity HIGH or CRITICAL. */
    ESCALATION,
    /** A request of the customer waited past its assignment deadline. */
    SLA_BREACH
}
