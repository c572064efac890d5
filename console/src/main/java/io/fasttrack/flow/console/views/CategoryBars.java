package io.fasttrack.flow.console.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers per health category as horizontal bars, drawn as inline SVG by the pages: each bar's length is its share
 * of the largest, so the chart needs no script and reads the same printed.
 */
public record CategoryBars(List<Bar> bars, long total) {

    /** The health categories from worst to best, the order every chart and table uses. */
    public static final List<String> CATEGORIES = List.of("NO_USAGE", "LOW", "GROWING", "HEALTHY");

    static final int WIDTH = 300;
    static final int LABEL_WIDTH = 100;

    /** One bar; {@code y} is its row's top, the rest is where the SVG puts its label, bar and count. */
    public record Bar(String category, long customers, int length, int y) {

        public int labelY() {
            return y + 17;
        }

        public int barY() {
            return y + 4;
        }

        public int countX() {
            return LABEL_WIDTH + length + 6;
        }

        public int barX() {
            return LABEL_WIDTH;
        }
    }

    public static CategoryBars of(Map<String, Long> customersPerCategory) {
        long largest = customersPerCategory.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        long total = 0;
        for (String category : CATEGORIES) {
            long customers = customersPerCategory.getOrDefault(category, 0L);
            total += customers;
            int length = largest == 0 ? 0 : (int) Math.round(WIDTH * (double) customers / largest);
            bars.add(new Bar(category, customers, length, bars.size() * 28));
        }
        return new CategoryBars(bars, total);
    }

    /** Sums the categories of several portfolio groups (every region, say) into one count per category. */
    public static Map<String, Long> summed(List<Map<String, Long>> perGroup) {
        Map<String, Long> sum = new LinkedHashMap<>();
        perGroup.forEach(group -> group.forEach((category, customers) -> sum.merge(category, customers, Long::sum)));
        return sum;
    }

    public int height() {
        return bars.size() * 28;
    }
}
