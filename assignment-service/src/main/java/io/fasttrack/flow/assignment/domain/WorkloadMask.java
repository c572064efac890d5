package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.Workload;
import java.util.Collection;

/** A set of workloads as a bit mask, so skill overlap is one AND and a bit count. */
final class WorkloadMask {

    private WorkloadMask() {
    }

    static long of(Collection<Workload> workloads) {
        long mask = 0;
        for (Workload workload : workloads) {
            mask |= 1L << workload.ordinal();
        }
        return mask;
    }
}
