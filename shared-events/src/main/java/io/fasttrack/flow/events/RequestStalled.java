package io.fasttrack.flow.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A request stayed too long at one step: {@code SUBMITTED} (no decision came) or {@code ASSIGNED} (no engagement
 * opened), longer than intake's configured stall time. Once per request and step. Topic: requests; key: tenant id.
 *
 * @param step  the status the request is stuck in
 * @param since when it reached that status
 */
public record RequestStalled(
        String requestId,
        String tenantId,
        String step,
        Instant since,
        Instant detectedAt) implements EventData {

    public RequestStalled {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(step, "step");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
