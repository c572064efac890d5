package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One workload's licensed and active seats as of a date. */
public record WorkloadUsage(Workload workload, long licensed, long active, LocalDate asOf) {

    public WorkloadUsage {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(asOf, "asOf");
        if (licensed <= 0 || active < 0) {
            throw new IllegalArgumentException("licensed must be > 0 and active >= 0: " + licensed + "/" + active);
        }
    }

    public BigDecimal utilization() {
        return Utilization.ratio(active, licensed);
    }
}
