package io.fasttrack.flow.intake.domain;

import java.time.Instant;

/**
 * Intake reported the request stuck at {@code step} (a RequestStalled), where it had been since {@code since}.
 *
 * @param since when the request reached the step; null if the report did not say
 */
public record Stall(RequestStatus step, Instant since) {
}
