package io.fasttrack.flow.health.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.RenewalAtRisk;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.RiskAlertKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final AlertRules rules = new AlertRules(Duration.ofDays(30));

    @Test
    void anAlertIsTheSameForTheSameCustomerKindAndConcernOnly() {
        String id = AlertRules.alertId("t-1", RiskAlertKind.ESCALATION, "esc-1");
        assertThat(AlertRules.alertId("t-1", RiskAlertKind.ESCALATION, "esc-1")).isEqualTo(id);
        assertThat(List.of(AlertRules.alertId("t-2", RiskAlertKind.ESCALATION, "esc-1"),
                AlertRules.alertId("t-1", RiskAlertKind.SLA_BREACH, "esc-1"),
                AlertRules.alertId("t-1", RiskAlertKind.ESCALATION, "esc-2"))).doesNotContain(id);
    }

    @Test
    void aFallRaisesAnAlertThatEndsWithTheWindowUnlessTheWindowIsOverAlready() {
        Instant fell = NOW.minus(Duration.ofDays(29));
        assertThat(rules.outcomesOf(down(fell), fell, NOW)).containsExactly(new AlertRules.Raise("t-1",
                RiskAlertKind.CATEGORY_DOWN, "LOW", "health fell from GROWING to LOW (utilization 0.45 to 0.2) as of "
                        + LocalDate.ofInstant(fell, java.time.ZoneOffset.UTC),
                fell, fell.plus(Duration.ofDays(30))));
        Instant longAgo = NOW.minus(Duration.ofDays(30));
        assertThat(rules.outcomesOf(down(longAgo), longAgo, NOW)).isEmpty();
    }

    @Test
    void aRenewalAtRiskEndsTheDayAfterTheRenewalAndAnotherRenewalDateClearsTheOthers() {
        RenewalAtRisk risk = new RenewalAtRisk("t-1", LocalDate.of(2026, 12, 1), "LOW", "LOW", "HEALTHY", new BigDecimal("0.1"), NOW);
        AlertRules.Raise raise = (AlertRules.Raise) rules.outcomesOf(risk, NOW, NOW).get(0);
        assertThat(raise.expiresAt()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(rules.outcomesOf(risk, NOW, Instant.parse("2026-12-02T00:00:00Z"))).isEmpty();

        AlertRules.Clear clear = (AlertRules.Clear) rules.outcomesOf(new CustomerContractRecorded("t-1",
                LocalDate.of(2027, 6, 30), null, "m", NOW), NOW, NOW).get(0);
        assertThat(clear.concerns().match("2026-12-01")).isTrue();
        assertThat(clear.concerns().match("2027-06-30")).isFalse();
    }

    @Test
    void onlyHighAndCriticalEscalationsRaiseAlerts() {
        for (EscalationSeverity severity : EscalationSeverity.values()) {
            EscalationRaised raised = new EscalationRaised("eng-1", "esc-1", "req-1", "t-1", "fta-1", severity, "blocked",
                    "owner", "fta-1", NOW);
            assertThat(rules.outcomesOf(raised, NOW, NOW)).as(severity.name()).hasSize(severity.raisesAlert() ? 1 : 0);
        }
    }

    @Test
    void anUpClearsEveryFallAndNewCategoriesChangeNothing() {
        HealthCategoryChanged up = new HealthCategoryChanged("t-1", "LOW", "GROWING", "UP", null, null, List.of(), null, NOW);
        AlertRules.Clear clear = (AlertRules.Clear) rules.outcomesOf(up, NOW, NOW).get(0);
        assertThat(clear.concerns()).isEqualTo(AlertRules.Concerns.any());
        assertThat(rules.outcomesOf(new HealthCategoryChanged("t-1", null, "LOW", "NEW", null, null, List.of(), null, NOW),
                NOW, NOW)).isEmpty();
        assertThatThrownBy(() -> new AlertRules(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HealthCategoryChanged down(Instant at) {
        return new HealthCategoryChanged("t-1", "GROWING", "LOW", "DOWN", new BigDecimal("0.45"), new BigDecimal("0.2"),
                List.of(), LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), at);
    }
}
