package io.fasttrack.flow.console.pages;

import java.util.List;
import io.fasttrack.flow.console.services.HealthApi;
import io.fasttrack.flow.console.services.Page;
import io.fasttrack.flow.console.views.PortfolioChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /portfolio}: customers per health category and their moves, per FastTrack Manager, team, region or segment. */
@Path("/portfolio")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("manager")
public class PortfolioPage {

    static final int PAGE_SIZE = 50;

    /** The groupings health-service offers, in the order managers ask for them. */
    static final List<String> GROUPINGS = List.of("fastTrackManager", "teamManager", "region", "segment", "architect");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portfolio(String groupBy, List<String> groupings,
                Page<HealthApi.PortfolioGroup> groups, PortfolioChart chart);
    }

    @RestClient
    HealthApi health;

    @GET
    public TemplateInstance portfolio(@QueryParam("groupBy") @DefaultValue("fastTrackManager") String groupBy,
            @QueryParam("page") @DefaultValue("0") int page) {
        String grouping = GROUPINGS.contains(groupBy) ? groupBy : GROUPINGS.get(0);
        Page<HealthApi.PortfolioGroup> groups = health.portfolio(grouping, Math.max(0, page), PAGE_SIZE);
        return Templates.portfolio(grouping, GROUPINGS, groups, PortfolioChart.of(groups.items()));
    }
}
