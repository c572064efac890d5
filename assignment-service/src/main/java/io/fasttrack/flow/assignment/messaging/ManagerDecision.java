package io.fasttrack.flow.assignment.messaging;

/**
 * Who made a manager's decision (the subject of their token) and why, in their words (optional); both go on the
 * FtaAssigned it publishes.
 */
public record ManagerDecision(String decidedBy, String reason) {
}
