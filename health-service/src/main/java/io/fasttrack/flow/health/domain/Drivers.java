package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workloads that drove a category change: those whose utilization moved most between the baseline
 * (per-workload utilization when the customer last changed category) and now, biggest absolute move first,
 * ties by workload order. A workload that appeared since the baseline moved from nothing (before = null,
 * weighed as 0); one that did not move is no driver.
 */
public final class Drivers {

    private Drivers() {
    }

    public static List<HealthDriver> between(Map<Workload, BigDecimal> before, Map<Workload, BigDecimal> after, int limit) {
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        workloads.addAll(before.keySet());
        workloads.addAll(after.keySet());
        List<HealthDriver> drivers = new ArrayList<>();
        for (Workload workload : workloads) {
            BigDecimal from = before.get(workload);
            BigDecimal to = after.get(workload);
            if (move(from, to).signum() != 0) {
                drivers.add(new HealthDriver(workload, from, to));
            }
        }
        drivers.sort(Comparator.comparing((HealthDriver driver) -> move(driver.utilizationBefore(), driver.utilizationAfter()).abs())
                .reversed()
                .thenComparing(HealthDriver::workload));
        return drivers.size() > limit ? List.copyOf(drivers.subList(0, limit)) : List.copyOf(drivers);
    }

    private static BigDecimal move(BigDecimal from, BigDecimal to) {
        return (to == null ? BigDecimal.ZERO : to).subtract(from == null ? BigDecimal.ZERO : from);
    }
}
