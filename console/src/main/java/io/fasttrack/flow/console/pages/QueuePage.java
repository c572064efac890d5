package io.fasttrack.flow.console.pages;

import java.time.Duration;
import java.time.Instant;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.IntakeApi;
import io.fasttrack.flow.console.services.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /queue}: the requests nobody could take yet, in serving order, and those stalled between services. */
@Path("/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "reader"})
public class QueuePage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Waiting waiting, long refreshSeconds);

        static native TemplateInstance queue$rows(Waiting waiting, long refreshSeconds);
    }

    /** What the page shows: one page of the queue and the stalled requests, as of one moment. */
    public record Waiting(Instant asOf, Page<AssignmentApi.QueuedRequest> queue, Page<IntakeApi.Request> stalled) {
    }

    @RestClient
    AssignmentApi assignment;

    @RestClient
    IntakeApi intake;

    @ConfigProperty(name = "fasttrack.console.refresh")
    Duration refresh;

    @GET
    public TemplateInstance queue(@QueryParam("page") @DefaultValue("0") int page) {
        return Templates.queue(waiting(page), refresh.toSeconds());
    }

    /** The tables alone, which the page fetches again every few seconds. */
    @GET
    @Path("/rows")
    public TemplateInstance rows(@QueryParam("page") @DefaultValue("0") int page) {
        return Templates.queue$rows(waiting(page), refresh.toSeconds());
    }

    private Waiting waiting(int page) {
        return new Waiting(Instant.now(), assignment.queue(Math.max(0, page), PAGE_SIZE),
                intake.requests(null, true, 0, PAGE_SIZE));
    }
}
