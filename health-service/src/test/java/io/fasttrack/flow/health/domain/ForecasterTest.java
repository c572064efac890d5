package io.fasttrack.flow.health.domain;

import static io.fasttrack.flow.health.domain.Fixtures.SCALE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.Workload;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private final Forecaster forecaster = new Forecaster(SCALE, 365, 3);

    @Test
    void aLinearTrendIsProjectedToTheRenewalDate() {
        // 10 %, 20 %, 30 % at days 0, 10, 20: +1 point a day, so 50 % at day 40
        var forecast = forecaster.forecast(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 200, JAN.plusDays(10)),
                new WorkloadUsage(Workload.TEAMS, 1000, 300, JAN.plusDays(20))), JAN.plusDays(40));
        assertThat(forecast.sufficientData()).isTrue();
        assertThat(forecast.reportDates()).isEqualTo(3);
        assertThat(forecast.targetDate()).isEqualTo(JAN.plusDays(40));
        assertThat(forecast.targetBasis()).isEqualTo(Forecaster.BASIS_RENEWAL_DATE);
        assertThat(forecast.utilization()).isEqualByComparingTo("0.50");
        assertThat(forecast.trendPerDay()).isEqualByComparingTo("0.01");
        assertThat(forecast.category()).isEqualTo("GROWING");
    }

    @Test
    void theFitIsLeastSquaresOverTheSeatWeightedSeries() {
        // points (0, 0.1) (10, 0.3) (20, 0.2) (30, 0.4): slope 0.008/day, intercept 0.13 -> day 60: 0.61
        var forecast = forecaster.forecast(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 300, JAN.plusDays(10)),
                new WorkloadUsage(Workload.TEAMS, 1000, 200, JAN.plusDays(20)),
                new WorkloadUsage(Workload.TEAMS, 1000, 400, JAN.plusDays(30))), JAN.plusDays(60));
        assertThat(forecast.utilization()).isEqualByComparingTo("0.61");
        assertThat(forecast.category()).isEqualTo("HEALTHY");
    }

    @Test
    void eachReportDateCountsTheLatestReportOfEveryWorkloadAsOfThatDate() {
        var series = Forecaster.series(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN),
                new WorkloadUsage(Workload.EXCHANGE, 3000, 1500, JAN.plusDays(5)),
                new WorkloadUsage(Workload.TEAMS, 1000, 900, JAN.plusDays(9))));
        assertThat(series).extracting(Forecaster.Point::utilization).map(Number::doubleValue)
                .containsExactly(0.1, 0.4, 0.6);
    }

    @Test
    void projectionsAreClampedToZeroAndOne() {
        var rising = forecaster.forecast(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 500, JAN.plusDays(10)),
                new WorkloadUsage(Workload.TEAMS, 1000, 900, JAN.plusDays(20))), JAN.plusDays(400));
        assertThat(rising.utilization()).isEqualByComparingTo("1");
        assertThat(rising.method()).contains("clamped");
        var falling = forecaster.forecast(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 900, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 500, JAN.plusDays(10)),
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN.plusDays(20))), JAN.plusDays(400));
        assertThat(falling.utilization()).isEqualByComparingTo("0");
        assertThat(falling.category()).isEqualTo("NO_USAGE");
    }

    @Test
    void withoutARenewalDateAheadTheDefaultHorizonFromTheLatestReportIsUsed() {
        List<WorkloadUsage> flat = List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 400, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 400, JAN.plusDays(10)),
                new WorkloadUsage(Workload.TEAMS, 1000, 400, JAN.plusDays(20)));
        var noRenewal = forecaster.forecast(flat, null);
        assertThat(noRenewal.targetDate()).isEqualTo(JAN.plusDays(20 + 365));
        assertThat(noRenewal.targetBasis()).isEqualTo(Forecaster.BASIS_DEFAULT_HORIZON);
        assertThat(noRenewal.utilization()).isEqualByComparingTo("0.4");
        assertThat(forecaster.forecast(flat, JAN.plusDays(5)).targetBasis()).isEqualTo(Forecaster.BASIS_DEFAULT_HORIZON);
    }

    @Test
    void fewerThanThreeReportDatesIsInsufficientData() {
        var forecast = forecaster.forecast(List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 100, JAN),
                new WorkloadUsage(Workload.EXCHANGE, 1000, 300, JAN),
                new WorkloadUsage(Workload.TEAMS, 1000, 200, JAN.plusDays(10))), JAN.plusDays(40));
        assertThat(forecast.sufficientData()).isFalse();
        assertThat(forecast.reportDates()).isEqualTo(2);
        assertThat(forecast.method()).startsWith("insufficient data");
        assertThat(forecast.utilization()).isNull();
        assertThat(forecast.category()).isNull();
    }
}
