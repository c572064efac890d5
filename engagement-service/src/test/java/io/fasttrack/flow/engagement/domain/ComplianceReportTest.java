package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {

    @Test
    void aTeamAddsUpItsArchitectsInIdOrder() {
        ComplianceReport report = ComplianceReport.of(List.of(
                new ComplianceReport.Architect("tm", "a2", new ComplianceFigures(1, 0, 0, 1, 0, 0, 0, 1)),
                new ComplianceReport.Architect("tm", "a1", new ComplianceFigures(2, 2, 1, 0, 1, 1, 2, 0)),
                new ComplianceReport.Architect(null, "a3", new ComplianceFigures(1, 0, 0, 0, 1, 0, 1, 0))), "(none)");

        assertThat(report.teams()).extracting(ComplianceReport.Team::teamManager).containsExactly("(none)", "tm");
        ComplianceReport.Team team = report.teams().get(1);
        assertThat(team.figures()).isEqualTo(new ComplianceFigures(3, 2, 1, 1, 1, 1, 2, 1));
        assertThat(team.figures().playbookCompliance()).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(team.figures().mandatoryTasksDoneShare()).isEqualByComparingTo(new BigDecimal("0.6667"));
        assertThat(team.architects()).extracting(ComplianceReport.Architect::architectId).containsExactly("a1", "a2");
        assertThat(team.architects().get(0).figures().playbookCompliance()).isEqualByComparingTo("0.5");
    }

    @Test
    void noEngagementsIsNoShare() {
        assertThat(ComplianceFigures.NONE.playbookCompliance()).isEqualByComparingTo("0");
    }
}
