package io.fasttrack.flow.health.domain;

import static io.fasttrack.flow.health.domain.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    private final HealthPolicy policy = new HealthPolicy(RULE, 3);

    @Test
    void utilizationIsWeightedBySeats() {
        // 100 % of 100 seats and 10 % of 900 seats: 190 of 1000 active, not the 55 % mean of the two ratios
        var assessment = policy.assess(null, null, Map.of(), List.of(
                new WorkloadUsage(Workload.TEAMS, 100, 100, DAY),
                new WorkloadUsage(Workload.EXCHANGE, 900, 90, DAY)));
        assertThat(assessment.utilization()).isEqualByComparingTo("0.19");
        assertThat(assessment.category()).isEqualTo("LOW");
        assertThat(assessment.change().direction()).isEqualTo("NEW");
        assertThat(assessment.change().previousCategory()).isNull();
    }

    @Test
    void aStayIsNoChange() {
        var assessment = policy.assess("LOW", new BigDecimal("0.19"), Map.of(Workload.TEAMS, new BigDecimal("0.19")),
                List.of(new WorkloadUsage(Workload.TEAMS, 1000, 310, DAY)));
        assertThat(assessment.category()).isEqualTo("LOW");
        assertThat(assessment.changed()).isFalse();
    }

    @Test
    void driversAreTheWorkloadsThatMovedMostBiggestFirst() {
        Map<Workload, BigDecimal> baseline = Map.of(
                Workload.TEAMS, new BigDecimal("0.20"),
                Workload.EXCHANGE, new BigDecimal("0.25"),
                Workload.SHAREPOINT, new BigDecimal("0.10"),
                Workload.INTUNE, new BigDecimal("0.50"));
        var assessment = policy.assess("LOW", new BigDecimal("0.25"), baseline, List.of(
                new WorkloadUsage(Workload.TEAMS, 1000, 900, DAY),      // +0.70
                new WorkloadUsage(Workload.EXCHANGE, 1000, 250, DAY),   // unchanged: no driver
                new WorkloadUsage(Workload.SHAREPOINT, 1000, 400, DAY), // +0.30
                new WorkloadUsage(Workload.INTUNE, 1000, 100, DAY),     // -0.40
                new WorkloadUsage(Workload.VIVA, 1000, 50, DAY)));      // new: +0.05
        assertThat(assessment.change().direction()).isEqualTo("UP");
        assertThat(assessment.change().newCategory()).isEqualTo("GROWING");
        assertThat(assessment.change().previousUtilization()).isEqualByComparingTo("0.25");
        assertThat(assessment.change().drivers()).extracting(HealthDriver::workload)
                .containsExactly(Workload.TEAMS, Workload.INTUNE, Workload.SHAREPOINT);
        HealthDriver top = assessment.change().drivers().get(0);
        assertThat(top.utilizationBefore()).isEqualByComparingTo("0.20");
        assertThat(top.utilizationAfter()).isEqualByComparingTo("0.90");
        assertThat(assessment.utilization()).isEqualByComparingTo("0.34");
    }

    @Test
    void aWorkloadThatIsNewSinceTheBaselineMovedFromNothing() {
        var drivers = Drivers.between(Map.of(), Map.of(Workload.TEAMS, new BigDecimal("0.4"),
                Workload.EXCHANGE, new BigDecimal("0.9")), 5);
        assertThat(drivers).extracting(HealthDriver::workload).containsExactly(Workload.EXCHANGE, Workload.TEAMS);
        assertThat(drivers.get(0).utilizationBefore()).isNull();
    }

    @Test
    void theActiveUsersToMoveUpAreTheFirstCountTheRuleMovesOnRoundingIncluded() {
        List<WorkloadUsage> latest = List.of(new WorkloadUsage(Workload.TEAMS, 9_999_900, 2_000_000, DAY),
                new WorkloadUsage(Workload.EXCHANGE, 100, 0, DAY));
        Map<Workload, HealthPolicy.StepUp> steps = policy.stepsUp("LOW", latest);
        // 3,200,005 of 10,000,000 is 0.3200005, rounded half-even to 0.320000: not above 30 % + 2 points
        assertThat(steps.get(Workload.TEAMS)).isEqualTo(new HealthPolicy.StepUp("GROWING", 3_200_006L));
        assertThat(steps.get(Workload.EXCHANGE)).isEqualTo(new HealthPolicy.StepUp("GROWING", null));
        assertThat(policy.assess("LOW", null, Map.of(), List.of(new WorkloadUsage(Workload.TEAMS, 9_999_900, 3_200_005, DAY),
                latest.get(1))).category()).isEqualTo("LOW");
        assertThat(policy.assess("LOW", null, Map.of(), List.of(new WorkloadUsage(Workload.TEAMS, 9_999_900, 3_200_006, DAY),
                latest.get(1))).category()).isEqualTo("GROWING");
        assertThat(policy.stepsUp("HEALTHY", latest)).isEmpty();
    }

    @Test
    void aRenewalIsAtRiskOnlyWhenTheForecastReachesItBelowTheTarget() {
        RenewalRisk risk = new RenewalRisk(Fixtures.SCALE, "HEALTHY");
        Forecaster forecaster = new Forecaster(Fixtures.SCALE, 365, 3);
        List<WorkloadUsage> rising = List.of(new WorkloadUsage(Workload.TEAMS, 1000, 100, DAY),
                new WorkloadUsage(Workload.TEAMS, 1000, 200, DAY.plusDays(10)), new WorkloadUsage(Workload.TEAMS, 1000, 300, DAY.plusDays(20)));
        assertThat(risk.atRisk(forecaster.forecast(rising, DAY.plusDays(32)))).isTrue();   // 42 %: GROWING
        assertThat(risk.atRisk(forecaster.forecast(rising, DAY.plusDays(60)))).isFalse();  // 70 %: HEALTHY
        assertThat(risk.atRisk(forecaster.forecast(rising, DAY.plusDays(20)))).isFalse();  // no renewal ahead of the reports
        assertThat(risk.atRisk(forecaster.forecast(rising.subList(0, 2), DAY.plusDays(32)))).isFalse(); // too little data
        assertThatThrownBy(() -> new RenewalRisk(Fixtures.SCALE, "SUPERB"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[NO_USAGE, LOW, GROWING, HEALTHY]");
    }
}
