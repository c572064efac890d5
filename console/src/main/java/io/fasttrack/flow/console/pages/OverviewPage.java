package io.fasttrack.flow.console.pages;

import java.time.Duration;
import java.time.Instant;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.HealthApi;
import io.fasttrack.flow.console.services.IntakeApi;
import io.fasttrack.flow.console.signin.Viewer;
import io.fasttrack.flow.console.views.CategoryBars;
import io.fasttrack.flow.console.views.Overview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /}: the state of the whole flow at a glance, refreshing itself. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OverviewPage {

    /** The first page of the queue: at-risk and breached requests come first in its deadline order. */
    static final int QUEUE_SAMPLE = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview overview, long refreshSeconds);

        static native TemplateInstance overview$figures(Overview overview, long refreshSeconds);
    }

    @Inject
    Viewer viewer;

    @RestClient
    AssignmentApi assignment;

    @RestClient
    IntakeApi intake;

    @RestClient
    EngagementApi engagement;

    @RestClient
    HealthApi health;

    @ConfigProperty(name = "fasttrack.console.refresh")
    Duration refresh;

    @GET
    public TemplateInstance overview() {
        return Templates.overview(figures(), refresh.toSeconds());
    }

    /** The figures alone, which the overview fetches again every few seconds. */
    @GET
    @Path("/overview/figures")
    public TemplateInstance liveFigures() {
        return Templates.overview$figures(figures(), refresh.toSeconds());
    }

    private Overview figures() {
        Overview.QueueFigures queue = null;
        java.util.List<Overview.RoleSpread> utilization = null;
        if (viewer.seesAssignments()) {
            long stalled = intake.requests(null, true, 0, 1).total();
            queue = Overview.QueueFigures.of(assignment.queue(0, QUEUE_SAMPLE), stalled);
            utilization = Overview.RoleSpread.of(assignment.architects(null, 0, 1).fairness());
        }
        CategoryBars categories = null;
        if (viewer.isManager()) {
            categories = CategoryBars.of(CategoryBars.summed(health.portfolio("region", 0, 200).items().stream()
                    .map(HealthApi.PortfolioGroup::categories).toList()));
        }
        Long openAlerts = !viewer.seesAlerts() ? null : health.alerts(null, null, null, null, 0, 1).total();
        Long mine = viewer.isArchitect() ? engagement.engagements(viewer.id(), null, null, null, 0, 1).total() : null;
        return new Overview(Instant.now(), queue, utilization, categories, openAlerts, mine);
    }
}
