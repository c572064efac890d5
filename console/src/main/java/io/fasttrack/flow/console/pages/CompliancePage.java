package io.fasttrack.flow.console.pages;

import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/** {@code /compliance}: playbook compliance per team and architect, over the engagements opened in a period. */
@Path("/compliance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("manager")
public class CompliancePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compliance(Filter filter, EngagementApi.Compliance compliance,
                ServiceProblem problem);
    }

    /** The period and team asked for, as typed. */
    public record Filter(String teamManager, String from, String to) {
    }

    @RestClient
    EngagementApi engagements;

    @GET
    public TemplateInstance compliance(@QueryParam("teamManager") String teamManager, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Filter filter = new Filter(Params.text(teamManager), Params.text(from), Params.text(to));
        try {
            return Templates.compliance(filter,
                    engagements.compliance(filter.teamManager(), filter.from(), filter.to()), null);
        } catch (ClientWebApplicationException refused) {
            if (refused.getResponse().getStatus() != 400) {
                throw refused;
            }
            return Templates.compliance(filter, null,
                    ServiceProblem.of(refused));
        }
    }
}
