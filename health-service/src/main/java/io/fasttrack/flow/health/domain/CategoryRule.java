package io.fasttrack.flow.health.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The category a customer is in, with hysteresis so a customer near a threshold does not bounce.
 *
 * <p>A customer with no category yet gets the category its utilization falls in. A customer already in a
 * category {@code [lower, upper)} stays in it while {@code lower - margin <= utilization <= upper + margin};
 * only when its utilization leaves that widened band does it move, to the category the utilization falls in
 * by the thresholds alone. With thresholds 5/30/60 % and a 2-point margin, GROWING becomes HEALTHY above 62 %
 * and HEALTHY falls back to GROWING below 58 %.
 */
public final class CategoryRule {

    private final CategoryScale scale;
    private final BigDecimal margin;

    public CategoryRule(CategoryScale scale, BigDecimal margin) {
        this.scale = Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(margin, "margin");
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("margin must be within [0, 1): " + margin);
        }
        this.margin = margin;
    }

    /** The category for {@code utilization} given the customer's {@code current} category (null when it has none). */
    public String categorize(String current, BigDecimal utilization) {
        Objects.requireNonNull(utilization, "utilization");
        if (current == null || !scale.knows(current)) {
            return scale.categoryOf(utilization);
        }
        int index = scale.rank(current);
        BigDecimal lower = scale.lowerBound(index);
        BigDecimal upper = scale.upperBound(index);
        boolean fellBelow = index > 0 && utilization.compareTo(lower.subtract(margin)) < 0;
        boolean roseAbove = upper != null && utilization.compareTo(upper.add(margin)) > 0;
        return fellBelow || roseAbove ? scale.categoryOf(utilization) : current;
    }

    /** The category right above {@code category}, or null at the top (or for a category this scale does not know). */
    public String nextAbove(String category) {
        if (!scale.knows(category)) {
            return null;
        }
        int next = scale.rank(category) + 1;
        return next < scale.names().size() ? scale.names().get(next) : null;
    }

    /** Whether {@code next} ranks above {@code current}. */
    public boolean isAbove(String next, String current) {
        return scale.rank(next) > scale.rank(current);
    }

    /** UP, DOWN or NEW (no previous category) for a move between two different categories. */
    public String direction(String previous, String next) {
        if (previous == null || !scale.knows(previous)) {
            return Direction.NEW;
        }
        return scale.rank(next) > scale.rank(previous) ? Direction.UP : Direction.DOWN;
    }

    /** The directions a category change can have, as carried by HealthCategoryChanged. */
    public static final class Direction {
        public static final String UP = "UP";
        public static final String DOWN = "DOWN";
        public static final String NEW = "NEW";

        private Direction() {
        }
    }
}
