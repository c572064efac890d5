package io.fasttrack.flow.console.pages;

import java.util.Arrays;
import java.util.List;
import io.fasttrack.flow.console.services.HealthApi;
import io.fasttrack.flow.console.services.Page;
import io.fasttrack.flow.events.model.RiskAlertKind;
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

/** {@code /alerts}: every open risk alert in one place, filtered by kind, team, FastTrack Manager or region. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "architect", "reader"})
public class AlertsPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(Filter filter, Page<HealthApi.Alert> alerts);
    }

    /** The filters as asked for; the kinds to choose from. */
    public record Filter(String kind, String teamManager, String fastTrackManager, String region) {

        public List<String> kinds() {
            return Arrays.stream(RiskAlertKind.values()).map(Enum::name).toList();
        }

        public String query() {
            return "/alerts?kind=" + orEmpty(kind) + "&teamManager=" + orEmpty(teamManager) + "&fastTrackManager="
                    + orEmpty(fastTrackManager) + "&region=" + orEmpty(region) + "&";
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    @RestClient
    HealthApi health;

    @GET
    public TemplateInstance alerts(@QueryParam("kind") String kind, @QueryParam("teamManager") String teamManager,
            @QueryParam("fastTrackManager") String fastTrackManager, @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") int page) {
        Filter filter = new Filter(Params.text(kind), Params.text(teamManager), Params.text(fastTrackManager),
                Params.text(region));
        return Templates.alerts(filter, health.alerts(filter.kind(), filter.teamManager(), filter.fastTrackManager(),
                filter.region(), Math.max(0, page), PAGE_SIZE));
    }
}
