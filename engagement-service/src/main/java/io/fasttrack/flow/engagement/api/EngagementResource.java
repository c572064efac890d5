package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/engagements")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    @Inject
    EngagementQueries queries;

    @Inject
    EngagementCommands commands;

    @Inject
    Clock clock;

    @Inject
    EngagementAccess access;

    @RolesAllowed({"reader", "architect", "manager"})
    @GET
    public Paging.Page<EngagementViews.Summary> list(@QueryParam("tenantId") String tenantId,
            @QueryParam("architectId") String architectId, @QueryParam("stale") String stale,
            @QueryParam("escalated") String escalated, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        Boolean staleFilter = booleanFilter("stale", stale, violations);
        Boolean escalatedFilter = booleanFilter("escalated", escalated, violations);
        Paging paging = null;
        try {
            paging = Paging.of(page, size);
        } catch (ProblemException badPaging) {
            // one answer names every bad parameter, the filter's and the pager's
            violations.addAll(badPaging.problem().violations());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("invalid query parameters", violations);
        }
        return queries.list(blankToNull(tenantId), blankToNull(architectId), staleFilter, escalatedFilter, paging);
    }

    @RolesAllowed({"reader", "architect", "manager"})
    @GET
    @Path("/{id}")
    public EngagementViews.Engagement get(@PathParam("id") String id) {
        return queries.get(id);
    }

    /** Body optional: {@code {"completedBy": "..."}}. Completing a done task answers the same state again. */
    @RolesAllowed({"architect", "manager"})
    @POST
    @Path("/{id}/tasks/{taskId}/complete")
    public EngagementViews.Engagement completeTask(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.CompleteTaskBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, false).allowOnly(Set.of("completedBy"));
        String completedBy = json.optionalText("completedBy", FieldLimit.PERSON);
        json.throwIfInvalid("invalid task completion");
        return commands.completeTask(id, taskId, completedBy);
    }

    @RolesAllowed({"architect", "manager"})
    @POST
    @Path("/{id}/status-notes")
    public Response addStatusNote(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.StatusNoteBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, true).allowOnly(Set.of("author", "note"));
        String author = json.requiredText("author", FieldLimit.PERSON);
        String note = json.requiredText("note", FieldLimit.NOTE);
        json.throwIfInvalid("invalid status note");
        return Response.status(Response.Status.CREATED).entity(commands.addStatusNote(id, author, note)).build();
    }

    @RolesAllowed({"architect", "manager"})
    @PUT
    @Path("/{id}/dibs/{workload}")
    public EngagementViews.Engagement recordDibs(@PathParam("id") String id, @PathParam("workload") String workload,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.DibsBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, true)
                .allowOnly(Set.of("targetDate", "intent", "businessReason", "successOwner"));
        Workload knownWorkload = Arrays.stream(Workload.values()).filter(w -> w.name().equals(workload)).findFirst()
                .orElse(null);
        if (knownWorkload == null) {
            json.violation("workload", "unknown workload; one of " + Arrays.toString(Workload.values()));
        }
        LocalDate targetDate = json.requiredDate("targetDate");
        if (targetDate != null && !targetDate.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            json.violation("targetDate", "must be in the future");
        }
        String intent = json.requiredText("intent", FieldLimit.SENTENCE);
        String businessReason = json.requiredText("businessReason", FieldLimit.SENTENCE);
        String successOwner = json.requiredText("successOwner", FieldLimit.PERSON);
        json.throwIfInvalid("invalid DIBS");
        return commands.recordDibs(id, knownWorkload, targetDate, intent, businessReason, successOwner);
    }

    /** true or false (any case), null when not given; anything else is a violation. */
    private static Boolean booleanFilter(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.valueOf(value);
        }
        violations.add(new Problem.Violation(name, "must be true or false"));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
