package io.fasttrack.flow.console.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import io.fasttrack.flow.console.services.HealthApi;
import org.junit.jupiter.api.Test;

/** The charts' geometry: bars in proportion, segments stacked end to end, dates and shares where they belong. */
class ChartsTest {

    @Test
    void categoryBarsAreInProportionToTheLargestAndOrderedWorstFirst() {
        CategoryBars bars = CategoryBars.of(Map.of("HEALTHY", 16L, "LOW", 8L, "GROWING", 4L));

        assertThat(bars.bars()).extracting(CategoryBars.Bar::category)
                .containsExactly("NO_USAGE", "LOW", "GROWING", "HEALTHY");
        assertThat(bars.bars()).extracting(CategoryBars.Bar::length).containsExactly(0, 150, 75, 300);
        assertThat(bars.total()).isEqualTo(28);
    }

    @Test
    void categoriesOfSeveralGroupsAreSummed() {
        assertThat(CategoryBars.summed(List.of(Map.of("LOW", 2L, "HEALTHY", 1L), Map.of("LOW", 3L))))
                .containsEntry("LOW", 5L).containsEntry("HEALTHY", 1L);
    }

    @Test
    void aPortfolioGroupsSegmentsFollowEachOtherAndTheLargestGroupFillsTheWidth() {
        PortfolioChart chart = PortfolioChart.of(List.of(
                new HealthApi.PortfolioGroup("fm-a", "fm-a", 10, Map.of("LOW", 5L, "HEALTHY", 5L), 0, 1, 0),
                new HealthApi.PortfolioGroup("fm-b", "fm-b", 5, Map.of("GROWING", 5L), 0, 0, 2)));

        List<PortfolioChart.Segment> largest = chart.groups().get(0).segments();
        for (int i = 1; i < largest.size(); i++) {
            assertThat(largest.get(i).x()).isEqualTo(largest.get(i - 1).x() + largest.get(i - 1).width());
        }
        assertThat(largest.stream().mapToInt(PortfolioChart.Segment::width).sum()).isEqualTo(PortfolioChart.WIDTH);
        assertThat(chart.groups().get(1).segments().stream().mapToInt(PortfolioChart.Segment::width).sum())
                .isEqualTo(PortfolioChart.WIDTH / 2);
        assertThat(chart.groups().get(1).y()).isGreaterThan(chart.groups().get(0).y());
    }

    @Test
    void utilizationRunsFromTheFirstReportToTheForecastAtTheRenewal() {
        LocalDate first = LocalDate.of(2026, 9, 1);
        LocalDate latest = LocalDate.of(2026, 11, 1);
        LocalDate renewal = LocalDate.of(2027, 3, 1);
        HealthApi.CustomerHealth health = new HealthApi.CustomerHealth("contoso", "GROWING", latest,
                new BigDecimal("0.40"), latest, renewal, null, null,
                List.of(new HealthApi.WorkloadUsage("TEAMS", 1000, 400, new BigDecimal("0.40"), latest, "HEALTHY", 601L)),
                List.of(change(first, null, "LOW", "0.10"), change(latest, "LOW", "GROWING", "0.40")),
                new HealthApi.Forecast(true, "trend", 2, renewal, "RENEWAL", new BigDecimal("0.002"),
                        new BigDecimal("0.65"), "HEALTHY"),
                null, List.of());

        UtilizationChart chart = UtilizationChart.of(health);

        UtilizationChart.Series whole = chart.series().get(0);
        assertThat(whole.dots()).hasSize(2);
        assertThat(whole.dots().get(0).x()).isEqualTo(chart.plotLeft());
        assertThat(whole.dots().get(0).y()).isGreaterThan(whole.dots().get(1).y());
        assertThat(chart.forecast().x2()).isEqualTo(chart.plotRight());
        assertThat(chart.forecast().y2()).isLessThan(chart.forecast().y1());
        assertThat(chart.renewal().x1()).isEqualTo(chart.plotRight());
        assertThat(chart.series()).extracting(UtilizationChart.Series::name).containsExactly("whole customer", "TEAMS");
        assertThat(chart.shareTicks().get(0).position()).isEqualTo(chart.plotBottom());
    }

    @Test
    void aCustomerWithoutReportsHasNoLine() {
        HealthApi.CustomerHealth health = new HealthApi.CustomerHealth("contoso", "NO_USAGE", null, null, null, null,
                null, null, List.of(), List.of(), null, null, List.of());

        assertThat(UtilizationChart.of(health).series()).isEmpty();
    }

    private static HealthApi.CategoryChange change(LocalDate asOf, String from, String to, String utilization) {
        return new HealthApi.CategoryChange(from, to, from == null ? "NEW" : "UP", null, new BigDecimal(utilization),
                List.of(new HealthApi.Driver("TEAMS", null, new BigDecimal(utilization))), asOf,
                Instant.parse("2026-12-01T00:00:00Z"));
    }
}
