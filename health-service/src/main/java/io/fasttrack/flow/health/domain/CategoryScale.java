package io.fasttrack.flow.health.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ordered health categories, lowest first, and the utilization at which each one starts.
 * The first category starts at 0; category {@code i} covers {@code [lowerBound(i), lowerBound(i + 1))}.
 */
public final class CategoryScale {

    private final List<String> names;
    private final List<BigDecimal> lowerBounds;

    /**
     * @param names       category names, lowest first
     * @param thresholds  utilization (fraction of 1) at which each category after the first starts, ascending
     */
    public CategoryScale(List<String> names, List<BigDecimal> thresholds) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(thresholds, "thresholds");
        if (names.size() < 2 || thresholds.size() != names.size() - 1) {
            throw new IllegalArgumentException("need at least two categories and exactly one threshold between each pair: "
                    + names.size() + " names, " + thresholds.size() + " thresholds");
        }
        if (names.stream().anyMatch(name -> name == null || name.isBlank()) || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("category names must be present and distinct: " + names);
        }
        List<BigDecimal> bounds = new ArrayList<>();
        bounds.add(BigDecimal.ZERO);
        for (BigDecimal threshold : thresholds) {
            BigDecimal previous = bounds.get(bounds.size() - 1);
            if (threshold == null || threshold.compareTo(previous) <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("thresholds must ascend strictly within (0, 1]: " + thresholds);
            }
            bounds.add(threshold);
        }
        this.names = List.copyOf(names);
        this.lowerBounds = List.copyOf(bounds);
    }

    public List<String> names() {
        return names;
    }

    /** The category a utilization falls in by the thresholds alone, without any margin. */
    public String categoryOf(BigDecimal utilization) {
        return names.get(indexOf(utilization));
    }

    int indexOf(BigDecimal utilization) {
        int index = 0;
        for (int i = 1; i < lowerBounds.size(); i++) {
            if (utilization.compareTo(lowerBounds.get(i)) >= 0) {
                index = i;
            }
        }
        return index;
    }

    /** Position of a category, 0 for the lowest; fails on a name this scale does not know. */
    public int rank(String category) {
        int index = names.indexOf(category);
        if (index < 0) {
            throw new IllegalArgumentException("unknown health category '" + category + "'; known: " + names);
        }
        return index;
    }

    public boolean knows(String category) {
        return names.contains(category);
    }

    BigDecimal lowerBound(int index) {
        return lowerBounds.get(index);
    }

    /** The utilization at which the next category starts, or null for the highest category. */
    BigDecimal upperBound(int index) {
        return index + 1 < lowerBounds.size() ? lowerBounds.get(index + 1) : null;
    }
}
