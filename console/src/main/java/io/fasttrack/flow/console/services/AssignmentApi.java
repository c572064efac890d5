package io.fasttrack.flow.console.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** assignment-service: the roster, the queue and every decision with its candidates. */
@RegisterRestClient(configKey = "assignment")
@RegisterClientHeaders(ForwardedToken.class)
public interface AssignmentApi {

    @GET
    @Path("/queue")
    Page<QueuedRequest> queue(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/architects")
    Roster architects(@QueryParam("role") String role, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/architects")
    @Consumes(MediaType.APPLICATION_JSON)
    void register(Map<String, Object> architect);

    @GET
    @Path("/assignments/{requestId}")
    Decision decision(@PathParam("requestId") String requestId);

    @GET
    @Path("/assignments/{requestId}/candidates/{architectId}")
    WhyNot whyNot(@PathParam("requestId") String requestId, @PathParam("architectId") String architectId);

    @POST
    @Path("/simulations")
    @Consumes(MediaType.APPLICATION_JSON)
    SimulationResult simulate(Map<String, Object> scenario);

    record QueuedRequest(String requestId, String tenantId, String role, int weight, Instant slaDeadline,
            BigDecimal businessHoursLeft, boolean atRisk, Instant queuedAt, boolean slaBreached, String reason) {
    }

    record Roster(List<Architect> items, long total, int page, int size, Map<String, Fairness> fairness) {

        public Page<Architect> asPage() {
            return new Page<>(items, total, page, size);
        }
    }

    record Architect(String id, String name, String role, String region, String timeZone, int capacity,
            List<String> skills, String teamManager, LocalDate awayFrom, LocalDate awayTo, boolean away, int load,
            BigDecimal utilization, List<String> openAssignments, int assignmentsLast30Days, Instant lastAssignedAt) {
    }

    record Fairness(int architects, BigDecimal meanUtilization, BigDecimal standardDeviation,
            BigDecimal maxMinusMin) {
    }

    record Decision(String requestId, String tenantId, String status, ChosenArchitect architect, String decidingRule,
            String role, int weight, Instant slaDeadline, Instant decidedAt, String reassignedFrom, String decidedBy,
            String reason, List<Candidate> candidates) {
    }

    record ChosenArchitect(String id, String name, String role, String region, String teamManager) {
    }

    /** How one architect stood in a decision: excluded and why, or the values the ranking compared. */
    record Candidate(String architectId, String excludedBecause, Boolean continuity, Boolean regionMatch,
            Integer skillMatches, BigDecimal utilizationAfter, Integer assignmentsLast30Days, Instant lastAssignedAt) {
    }

    record WhyNot(String requestId, String decisionEventId, String decidedBy, Comparison comparison) {
    }

    record Comparison(String architectId, String winnerId, String verdict, String excludedBecause,
            String rankingRule, Candidate architect, Candidate winner) {

        /** The architect asked about, then the winner: the two rows a page compares. */
        public List<Candidate> sides() {
            return architect == null || winner == null ? List.of() : List.of(architect, winner);
        }
    }

    record SimulationResult(long decisions, SimulatedFigures recorded, SimulatedFigures simulated, long differingCount,
            List<SimulatedDifference> differing) {
    }

    record SimulatedFigures(BigDecimal slaMet, BigDecimal meanWaitBusinessHours, BigDecimal p90WaitBusinessHours,
            int longestQueue, Map<String, BigDecimal> utilizationGini, Map<String, BigDecimal> utilizationSpread,
            int overCapacity) {
    }

    /** A request the simulation gave another architect; null: waiting at the window's end. */
    record SimulatedDifference(String requestId, String recorded, String simulated) {
    }
}
