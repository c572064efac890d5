package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
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

    /**
     * What it takes to move up, per workload: the fewest active users of that workload (every other workload as it
     * is) with which the customer leaves {@code category} upwards under the same rule as a report, margin and
     * rounding included; one user fewer does not. Empty at the top category; {@code activeUsers} is null when the
     * workload cannot lift the customer alone, even with every licensed user active.
     */
    public Map<Workload, StepUp> stepsUp(String category, Collection<WorkloadUsage> latestPerWorkload) {
        String next = rule.nextAbove(category);
        Map<Workload, StepUp> steps = new EnumMap<>(Workload.class);
        if (next == null) {
            return steps;
        }
        for (WorkloadUsage usage : latestPerWorkload) {
            long fewest = usage.active() + 1;
            long most = usage.licensed();
            if (fewest > most || !rises(category, latestPerWorkload, usage, most)) {
                steps.put(usage.workload(), new StepUp(next, null));
                continue;
            }
            // the utilization only grows with the active users, so the first count that rises is found by halving
            while (fewest < most) {
                long middle = fewest + (most - fewest) / 2;
                if (rises(category, latestPerWorkload, usage, middle)) {
                    most = middle;
                } else {
                    fewest = middle + 1;
                }
            }
            steps.put(usage.workload(), new StepUp(next, fewest));
        }
        return steps;
    }

    private boolean rises(String category, Collection<WorkloadUsage> latestPerWorkload, WorkloadUsage changed, long active) {
        List<WorkloadUsage> withActive = latestPerWorkload.stream()
                .map(usage -> usage.workload() == changed.workload()
                        ? new WorkloadUsage(usage.workload(), usage.licensed(), active, usage.asOf()) : usage)
                .toList();
        return rule.isAbove(rule.categorize(category, Utilization.seatWeighted(withActive)), category);
    }

    /** The category above the current one and the active users of one workload that reach it (null: out of its reach). */
    public record StepUp(String nextCategory, Long activeUsers) {
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
