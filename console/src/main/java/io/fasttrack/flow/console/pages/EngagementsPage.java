package io.fasttrack.flow.console.pages;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.Page;
import io.fasttrack.flow.console.services.ServiceProblem;
import io.fasttrack.flow.console.signin.Viewer;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code /engagements} and {@code /engagements/{id}}: the engagements with their FTOP tasks, notes, DIBS, reviews and
 * escalations, and the forms of the work on them: complete a task, add a status note, record DIBS, decide a review.
 * The forms are offered to a manager and to the architect holding the engagement; the service checks again.
 */
@Path("/engagements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "architect", "reader"})
public class EngagementsPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance engagements(Listing listing);

        static native TemplateInstance engagement(EngagementApi.Engagement engagement, Work work);
    }

    /** The filters asked for and the page of engagements they give. */
    public record Listing(String architectId, String tenantId, Boolean stale, Boolean escalated,
            Page<EngagementApi.Summary> engagements) {

        /** The query string of these filters, for the pager's links. */
        public String query() {
            StringBuilder query = new StringBuilder("/engagements?");
            if (architectId != null) {
                query.append("architectId=").append(architectId).append('&');
            }
            if (tenantId != null) {
                query.append("tenantId=").append(tenantId).append('&');
            }
            if (stale != null) {
                query.append("stale=").append(stale).append('&');
            }
            if (escalated != null) {
                query.append("escalated=").append(escalated).append('&');
            }
            return query.toString();
        }
    }

    /**
     * What the viewer may do on the engagement, the form that was refused (its name, values and the service's
     * problem) and what was just done.
     */
    public record Work(boolean mayAct, boolean mayReview, String refusedForm, Map<String, String> values,
            ServiceProblem problem, String done) {

        static Work offered(boolean mayAct, boolean mayReview, String done) {
            return new Work(mayAct, mayReview, null, Map.of(), null, done);
        }

        public String value(String form, String field) {
            return form.equals(refusedForm) ? values.getOrDefault(field, "") : "";
        }

        public boolean refused(String form) {
            return form.equals(refusedForm);
        }

        public String error(String form, String field) {
            return refused(form) && problem != null ? problem.about(field) : null;
        }

        public List<String> reviewDecisions() {
            return Arrays.stream(ReviewDecision.values()).map(Enum::name).toList();
        }

        public String tomorrow() {
            return LocalDate.now().plusDays(1).toString();
        }
    }

    @RestClient
    EngagementApi engagements;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance engagements(@QueryParam("architectId") String architectId,
            @QueryParam("tenantId") String tenantId, @QueryParam("stale") Boolean stale,
            @QueryParam("escalated") Boolean escalated, @QueryParam("page") @DefaultValue("0") int page) {
        String architect = Params.text(architectId);
        String tenant = Params.text(tenantId);
        return Templates.engagements(new Listing(architect, tenant, stale, escalated,
                engagements.engagements(architect, tenant, stale, escalated, Math.max(0, page), PAGE_SIZE)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance engagement(@PathParam("id") String id, @QueryParam("done") String done) {
        EngagementApi.Engagement engagement = engagements.engagement(id);
        return Templates.engagement(engagement, offered(engagement, done));
    }

    @RolesAllowed({"manager", "architect"})
    @POST
    @Path("/{id}/tasks/{taskId}/complete")
    public Response completeTask(@PathParam("id") String id, @PathParam("taskId") String taskId) {
        return perform(id, "task", Map.of(),
                () -> engagements.completeTask(id, taskId, Map.of("completedBy", viewer.id())), "task-completed");
    }

    @RolesAllowed({"manager", "architect"})
    @POST
    @Path("/{id}/status-notes")
    public Response addStatusNote(@PathParam("id") String id, @RestForm String note) {
        Map<String, String> values = values("note", note);
        return perform(id, "note", values,
                () -> engagements.addStatusNote(id, Map.of("author", viewer.id(), "note", nullToEmpty(note))),
                "note-added");
    }

    @RolesAllowed({"manager", "architect"})
    @POST
    @Path("/{id}/dibs")
    public Response recordDibs(@PathParam("id") String id, @RestForm String workload, @RestForm String targetDate,
            @RestForm String intent, @RestForm String businessReason, @RestForm String successOwner) {
        Map<String, String> values = values("workload", workload, "targetDate", targetDate, "intent", intent,
                "businessReason", businessReason, "successOwner", successOwner);
        Map<String, Object> dibs = new LinkedHashMap<>(values);
        dibs.remove("workload");
        return perform(id, "dibs", values, () -> engagements.recordDibs(id, nullToEmpty(workload), dibs),
                "dibs-recorded");
    }

    @RolesAllowed({"manager", "architect"})
    @POST
    @Path("/{id}/review")
    public Response decideReview(@PathParam("id") String id, @RestForm String decision, @RestForm String risks,
            @RestForm String note) {
        Map<String, String> values = values("decision", decision, "risks", risks, "note", note);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("decision", nullToEmpty(decision));
        review.put("risks", risks == null ? List.of()
                : risks.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        if (note != null && !note.isBlank()) {
            review.put("note", note);
        }
        return perform(id, "review", values, () -> engagements.decideReview(id, review), "review-decided");
    }

    /**
     * Sends the form's call; done, the browser is sent back to the engagement (so a reload sends nothing twice); refused
     * with a problem, the engagement is shown again with the form filled in and each bad field named.
     */
    private Response perform(String id, String form, Map<String, String> values, Runnable call, String done) {
        try {
            call.run();
        } catch (ClientWebApplicationException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            if (problem.status() != 400 && problem.status() != 409) {
                throw refused;
            }
            EngagementApi.Engagement engagement = engagements.engagement(id);
            Work work = offered(engagement, null);
            return Response.status(problem.status()).entity(Templates.engagement(engagement,
                    new Work(work.mayAct(), work.mayReview(), form, values, problem, null))).build();
        }
        return Response.seeOther(URI.create("/engagements/" + id + "?done=" + done)).build();
    }

    private Work offered(EngagementApi.Engagement engagement, String done) {
        boolean mayAct = engagement.isOpen() && viewer.mayActOn(engagement.architectId());
        return Work.offered(mayAct, mayAct && engagement.reviewRequired(), done);
    }

    /** Pairs of field and value, the blank ones left out. */
    private static Map<String, String> values(String... fieldsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null && !fieldsAndValues[i + 1].isBlank()) {
                values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return values;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
