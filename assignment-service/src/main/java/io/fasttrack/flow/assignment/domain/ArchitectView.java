package io.fasttrack.flow.assignment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** An architect with their current load, as the balancer sees them. */
public record ArchitectView(
        Architect profile,
        int load,
        boolean away,
        List<String> openRequestIds,
        int assignmentsLast30Days,
        Instant lastAssignedAt) {

    public BigDecimal utilization() {
        return BigDecimal.valueOf(load).divide(BigDecimal.valueOf(profile.capacity()), 4, RoundingMode.HALF_UP);
    }
}
