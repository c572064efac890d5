package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The architect's review of a migration exception or an ECIF/DWR fund request. A final decision (approved or
 * rejected) is what such an engagement needs before it can complete; the requestor reads it on the request.
 * Topic: engagements; key: tenant id.
 *
 * @param risks the migration or funding risks the reviewer names, possibly none
 */
public record ReviewDecided(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        RequestType requestType,
        ReviewDecision decision,
        List<String> risks,
        String note,
        String decidedBy,
        Instant decidedAt) implements EventData {

    public ReviewDecided {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(decision, "decision");
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
