package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {

    @Test
    void figuresPerTeamAndArchitect() {
        ComplianceReport report = ComplianceReport.of(List.of(
                new EngagementStanding("e1", "a1", "tm", true, true, false, true),
                new EngagementStanding("e2", "a1", "tm", true, false, false, false),
                new EngagementStanding("e3", "a2", "tm", false, false, true, false),
                new EngagementStanding("e4", "a3", null, false, false, false, true)), "(none)");

        assertThat(report.teams()).extracting(ComplianceReport.Team::teamManager).containsExactly("(none)", "tm");
        ComplianceReport.Team team = report.teams().get(1);
        assertThat(team.figures()).isEqualTo(new ComplianceFigures(3, 2, 1, 1, 1, 1));
        assertThat(team.figures().playbookCompliance()).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(team.figures().mandatoryTasksDoneShare()).isEqualByComparingTo(new BigDecimal("0.6667"));
        assertThat(team.architects()).extracting(ComplianceReport.Architect::architectId).containsExactly("a1", "a2");
        assertThat(team.architects().get(0).figures().playbookCompliance()).isEqualByComparingTo("0.5");
    }

    @Test
    void onTimeMeansEveryMandatoryTaskDoneByItsDueDate() {
        Instant due = Instant.parse("2026-02-01T00:00:00Z");
        List<TaskProgress> onTime = List.of(new TaskProgress(true, due, due), new TaskProgress(false, due, null));
        List<TaskProgress> late = List.of(new TaskProgress(true, due, due.plusSeconds(1)));
        List<TaskProgress> open = List.of(new TaskProgress(true, due, null));
        assertThat(TaskProgress.allMandatoryDoneOnTime(onTime)).isTrue();
        assertThat(TaskProgress.allMandatoryDone(late)).isTrue();
        assertThat(TaskProgress.allMandatoryDoneOnTime(late)).isFalse();
        assertThat(TaskProgress.allMandatoryDone(open)).isFalse();
    }

    @Test
    void dibsAreDocumentedWhenEveryWorkloadInScopeHasThem() {
        assertThat(DibsCoverage.documented(Set.of(Workload.TEAMS, Workload.EXCHANGE), Set.of(Workload.TEAMS))).isFalse();
        assertThat(DibsCoverage.documented(Set.of(Workload.TEAMS), Set.of(Workload.TEAMS, Workload.INTUNE))).isTrue();
        assertThat(DibsCoverage.documented(Set.of(), Set.of())).isFalse();
        assertThat(DibsCoverage.documented(Set.of(), Set.of(Workload.TEAMS))).isTrue();
    }
}
