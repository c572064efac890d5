package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import java.time.Instant;
import java.util.Comparator;

/** A request waiting for capacity, as the queue serves it: by SLA deadline, then request id. */
public record WaitingRequest(AssignmentRequest request, ArchitectRole role, Instant slaDeadline) {

    public static final Comparator<WaitingRequest> SERVING_ORDER =
            Comparator.comparing(WaitingRequest::slaDeadline).thenComparing(WaitingRequest::requestId);

    public String requestId() {
        return request.requestId();
    }

    public boolean servedBefore(WaitingRequest other) {
        return SERVING_ORDER.compare(this, other) < 0;
    }
}
