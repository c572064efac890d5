package io.fasttrack.flow.console.views;

import java.util.ArrayList;
import java.util.List;
import io.fasttrack.flow.console.services.HealthApi;

/**
 * The portfolio as stacked bars, one per group (a FastTrack Manager, a region...): each bar split into its customers
 * per health category, worst first, its length the group's share of the largest group.
 */
public record PortfolioChart(List<GroupBar> groups, int height) {

    static final int WIDTH = 420;
    static final int LABEL_WIDTH = 160;
    static final int ROW = 30;

    public record GroupBar(HealthApi.PortfolioGroup group, List<Segment> segments, int y) {

        public int labelY() {
            return y + 19;
        }

        public int barY() {
            return y + 5;
        }

        public int totalX() {
            return segments.isEmpty() ? LABEL_WIDTH + 6 : segments.get(segments.size() - 1).end() + 6;
        }
    }

    public record Segment(String category, long customers, int x, int width) {

        int end() {
            return x + width;
        }
    }

    public static PortfolioChart of(List<HealthApi.PortfolioGroup> groups) {
        long largest = groups.stream().mapToLong(HealthApi.PortfolioGroup::customers).max().orElse(0);
        List<GroupBar> bars = new ArrayList<>();
        for (HealthApi.PortfolioGroup group : groups) {
            List<Segment> segments = new ArrayList<>();
            int x = LABEL_WIDTH;
            for (String category : CategoryBars.CATEGORIES) {
                long customers = group.categories().getOrDefault(category, 0L);
                int width = largest == 0 ? 0 : (int) Math.round(WIDTH * (double) customers / largest);
                segments.add(new Segment(category, customers, x, width));
                x += width;
            }
            bars.add(new GroupBar(group, segments, bars.size() * ROW));
        }
        return new PortfolioChart(bars, Math.max(ROW, bars.size() * ROW));
    }

    public int width() {
        return LABEL_WIDTH + WIDTH + 60;
    }

    public List<String> categories() {
        return CategoryBars.CATEGORIES;
    }
}
