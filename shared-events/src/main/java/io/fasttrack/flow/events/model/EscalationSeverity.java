package io.fasttrack.flow.events.model;

/** How badly an escalation blocks an engagement. HIGH and CRITICAL raise a risk alert. */
public enum EscalationSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean raisesAlert() {
        return this == HIGH || this == CRITICAL;
    }
}
