package io.fasttrack.flow.console.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** engagement-service: engagements with their FTOP tasks, notes, DIBS, reviews and escalations; compliance. */
@RegisterRestClient(configKey = "engagement")
@RegisterClientHeaders(ForwardedToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface EngagementApi {

    @GET
    @Path("/engagements")
    Page<Summary> engagements(@QueryParam("architectId") String architectId, @QueryParam("tenantId") String tenantId,
            @QueryParam("stale") Boolean stale, @QueryParam("escalated") Boolean escalated,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/engagements/{id}")
    Engagement engagement(@PathParam("id") String id);

    @POST
    @Path("/engagements/{id}/tasks/{taskId}/complete")
    void completeTask(@PathParam("id") String id, @PathParam("taskId") String taskId, Map<String, Object> body);

    @POST
    @Path("/engagements/{id}/status-notes")
    void addStatusNote(@PathParam("id") String id, Map<String, Object> note);

    @PUT
    @Path("/engagements/{id}/dibs/{workload}")
    void recordDibs(@PathParam("id") String id, @PathParam("workload") String workload, Map<String, Object> dibs);

    @POST
    @Path("/engagements/{id}/review")
    void decideReview(@PathParam("id") String id, Map<String, Object> review);

    @GET
    @Path("/compliance")
    Compliance compliance(@QueryParam("teamManager") String teamManager, @QueryParam("from") String from,
            @QueryParam("to") String to);

    record Summary(String id, String requestId, String tenantId, String architectId, String teamManager,
            String requestType, String status, Instant openedAt, Instant lastStatusNoteAt, boolean stale,
            int openEscalations) {
    }

    record Engagement(String id, String requestId, String tenantId, String architectId, String architectName,
            String teamManager, String requestType, String queue, List<String> workloads, String status,
            Instant openedAt, Instant completedAt, Instant lastStatusNoteAt, boolean stale, List<Task> tasks,
            List<StatusNote> statusNotes, List<Dibs> dibs, List<Holder> assignments, boolean reviewRequired,
            List<Review> reviews, List<Escalation> escalations) {

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    record Task(String taskId, String name, boolean mandatory, String status, Instant dueAt, Instant completedAt,
            String completedBy) {

        public boolean isDone() {
            return "DONE".equals(status) || completedAt != null;
        }
    }

    record StatusNote(String author, String note, Instant addedAt) {
    }

    record Dibs(String workload, LocalDate targetDate, String intent, String businessReason, String successOwner,
            Instant recordedAt) {
    }

    record Review(String decision, List<String> risks, String note, String decidedBy, Instant decidedAt) {
    }

    record Escalation(String escalationId, String severity, String status, String blocker, String owner,
            String raisedBy, Instant raisedAt, String resolution, String resolvedBy, Instant resolvedAt) {
    }

    record Holder(String architectId, String architectName, String teamManager, String reassignedFrom,
            Instant assignedAt) {
    }

    record Compliance(Instant asOf, LocalDate from, LocalDate to, List<Team> teams) {
    }

    record Team(String teamManager, Figures figures, List<ArchitectFigures> architects) {
    }

    record ArchitectFigures(String architectId, Figures figures) {
    }

    record Figures(int engagements, int mandatoryTasksDone, BigDecimal mandatoryTasksDoneShare,
            int mandatoryTasksDoneOnTime, BigDecimal mandatoryTasksDoneOnTimeShare, int stale, int dibsDocumented,
            BigDecimal dibsDocumentedShare, int compliant, BigDecimal playbookCompliance, int withWorkNotYetDue,
            int withOverdueWork) {
    }
}
