package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Utilization arithmetic: fractions of 1 with six decimals, so results are exact enough and reproducible. */
public final class Utilization {

    public static final int SCALE = 6;

    private Utilization() {
    }

    public static BigDecimal ratio(long active, long licensed) {
        return BigDecimal.valueOf(active).divide(BigDecimal.valueOf(licensed), SCALE, RoundingMode.HALF_EVEN);
    }

    /** Sum of active seats over sum of licensed seats: a 10,000-seat workload weighs a hundred times a 100-seat one. */
    public static BigDecimal seatWeighted(Collection<WorkloadUsage> latestPerWorkload) {
        if (latestPerWorkload.isEmpty()) {
            throw new IllegalArgumentException("no usage to weigh");
        }
        long licensed = 0;
        long active = 0;
        for (WorkloadUsage usage : latestPerWorkload) {
            licensed = Math.addExact(licensed, usage.licensed());
            active = Math.addExact(active, usage.active());
        }
        return ratio(active, licensed);
    }

    public static Map<Workload, BigDecimal> perWorkload(Collection<WorkloadUsage> latestPerWorkload) {
        Map<Workload, BigDecimal> utilization = new EnumMap<>(Workload.class);
        latestPerWorkload.forEach(usage -> utilization.put(usage.workload(), usage.utilization()));
        return utilization;
    }
}
