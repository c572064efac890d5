package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.domain.ComplianceFigures;
import io.fasttrack.flow.engagement.domain.ComplianceReport;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Playbook compliance per team manager and architect (the rules: {@link ComplianceFigures}), of the engagements
 * opened in a period of UTC days, both ends included.
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
            BigDecimal dibsDocumentedShare, int compliant, BigDecimal playbookCompliance, int withWorkNotYetDue,
            int withOverdueWork) {

        static Figures of(ComplianceFigures figures) {
            return new Figures(figures.engagements(), figures.mandatoryTasksDone(), figures.mandatoryTasksDoneShare(),
                    figures.mandatoryTasksDoneOnTime(), figures.mandatoryTasksDoneOnTimeShare(), figures.stale(),
                    figures.dibsDocumented(), figures.dibsDocumentedShare(), figures.compliant(),
                    figures.playbookCompliance(), figures.withWorkNotYetDue(), figures.withOverdueWork());
        }
    }

    public record Architect(String architectId, Figures figures) {
    }

    public record Team(String teamManager, Figures figures, List<Architect> architects) {
    }

    /** {@code from} and {@code to}: the period of opening dates asked for, null when open-ended. */
    public record Compliance(Instant asOf, LocalDate from, LocalDate to, List<Team> teams) {
    }

    @RolesAllowed("manager")
    @GET
    public Compliance compliance(@QueryParam("teamManager") String teamManager, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<Problem.Violation> violations = new ArrayList<>();
        LocalDate fromDate = date("from", from, violations);
        LocalDate toDate = date("to", to, violations);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            violations.add(new Problem.Violation("from", "must not be after to (" + toDate + ")"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("invalid query parameters", violations);
        }
        Instant asOf = clock.instant();
        ComplianceReport report = queries.compliance(teamManager == null || teamManager.isBlank() ? null : teamManager,
                fromDate == null ? null : fromDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), asOf);
        List<Team> teams = report.teams().stream().map(team -> new Team(team.teamManager(), Figures.of(team.figures()),
                team.architects().stream().map(a -> new Architect(a.architectId(), Figures.of(a.figures()))).toList()))
                .toList();
        return new Compliance(asOf, fromDate, toDate, teams);
    }

    private static LocalDate date(String field, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException bad) {
            violations.add(new Problem.Violation(field, "must be an ISO date (yyyy-mm-dd)"));
            return null;
        }
    }
}
