package io.fasttrack.flow.engagement.api;

import jakarta.annotation.security.RolesAllowed;
import io.fasttrack.flow.engagement.domain.ComplianceFigures;
import io.fasttrack.flow.engagement.domain.ComplianceReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Playbook compliance per team manager and architect. A mandatory task is on time when it was completed
 * no later than its due date (opening + the task's due-days); an engagement is compliant when all its
 * mandatory tasks are done on time and it is not stale.
 */
@Path("/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    @Inject
    EngagementQueries queries;

    @Inject
    Clock clock;

    public record Figures(int engagements, int mandatoryTasksDone, BigDecimal mandatoryTasksDoneShare,
            int mandatoryTasksDoneOnTime, BigDecimal mandatoryTasksDoneOnTimeShare, int stale, int dibsDocumented,
            BigDecimal dibsDocumentedShare, int compliant, BigDecimal playbookCompliance) {

        static Figures of(ComplianceFigures figures) {
            return new Figures(figures.engagements(), figures.mandatoryTasksDone(), figures.mandatoryTasksDoneShare(),
                    figures.mandatoryTasksDoneOnTime(), figures.mandatoryTasksDoneOnTimeShare(), figures.stale(),
                    figures.dibsDocumented(), figures.dibsDocumentedShare(), figures.compliant(),
                    figures.playbookCompliance());
        }
    }

    public record Architect(String architectId, Figures figures) {
    }

    public record Team(String teamManager, Figures figures, List<Architect> architects) {
    }

    public record Compliance(Instant asOf, List<Team> teams) {
    }

    @RolesAllowed("manager")
    @GET
    public Compliance compliance(@QueryParam("teamManager") String teamManager) {
        ComplianceReport report = queries.compliance(teamManager == null || teamManager.isBlank() ? null : teamManager);
        List<Team> teams = report.teams().stream().map(team -> new Team(team.teamManager(), Figures.of(team.figures()),
                team.architects().stream().map(a -> new Architect(a.architectId(), Figures.of(a.figures()))).toList()))
                .toList();
        return new Compliance(clock.instant(), teams);
    }
}
