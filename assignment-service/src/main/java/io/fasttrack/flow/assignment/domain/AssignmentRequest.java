package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.util.List;
import java.util.Objects;

/** What the balancer needs to know about a request. */
public record AssignmentRequest(
        String requestId,
        String tenantId,
        RequestType type,
        RequestQueue queue,
        boolean getModern,
        Region region,
        List<Workload> workloads) {

    public AssignmentRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queue, "queue");
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }
}
