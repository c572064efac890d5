package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Decides a customer's category from the latest report of each of its workloads, and whether that is a change. */
public final class HealthPolicy {

    private final CategoryRule rule;
    private final int driverLimit;

    public HealthPolicy(CategoryRule rule, int driverLimit) {
        this.rule = Objects.requireNonNull(rule, "rule");
        if (driverLimit < 1) {
            throw new IllegalArgumentException("driver limit must be at least 1: " + driverLimit);
        }
        this.driverLimit = driverLimit;
    }

    /**
     * @param currentCategory    the customer's category, null when it has none yet
     * @param currentUtilization its seat-weighted utilization when that category was last assessed, null when none
     * @param baseline           per-workload utilization when the category last changed (empty when none)
     * @param latestPerWorkload  the latest report of each workload, including the one just received
     */
    public Assessment assess(String currentCategory, BigDecimal currentUtilization, Map<Workload, BigDecimal> baseline,
            Collection<WorkloadUsage> latestPerWorkload) {
        BigDecimal utilization = Utilization.seatWeighted(latestPerWorkload);
        Map<Workload, BigDecimal> perWorkload = Utilization.perWorkload(latestPerWorkload);
        String category = rule.categorize(currentCategory, utilization);
        if (category.equals(currentCategory)) {
            return new Assessment(category, utilization, perWorkload, null);
        }
        Change change = new Change(currentCategory, category, rule.direction(currentCategory, category),
                currentUtilization, utilization, Drivers.between(baseline, perWorkload, driverLimit));
        return new Assessment(category, utilization, perWorkload, change);
    }

    /** The outcome of one assessment; {@code change} is null when the category stays. */
    public record Assessment(String category, BigDecimal utilization, Map<Workload, BigDecimal> perWorkload, Change change) {

        public boolean changed() {
            return change != null;
        }
    }

    public record Change(String previousCategory, String newCategory, String direction, BigDecimal previousUtilization,
            BigDecimal utilization, List<HealthDriver> drivers) {
    }
}
