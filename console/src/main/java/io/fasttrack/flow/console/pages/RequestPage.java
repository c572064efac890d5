package io.fasttrack.flow.console.pages;

import static io.fasttrack.flow.console.services.Lookups.orNullIfNotFound;

import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.EngagementApi;
import io.fasttrack.flow.console.services.IntakeApi;
import io.fasttrack.flow.console.views.RequestJourney;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code /requests/{id}}: where a request went and why, and why not to anyone else. */
@Path("/requests/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "reader"})
public class RequestPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance request(RequestJourney journey);
    }

    @RestClient
    IntakeApi intake;

    @RestClient
    AssignmentApi assignment;

    @RestClient
    EngagementApi engagements;

    @GET
    public TemplateInstance request(@PathParam("id") String id, @QueryParam("whyNot") String whyNotArchitect) {
        IntakeApi.Request request = intake.request(id);
        AssignmentApi.Decision decision = orNullIfNotFound(() -> assignment.decision(id));
        EngagementApi.Engagement engagement = request.engagementId() == null ? null
                : orNullIfNotFound(() -> engagements.engagement(request.engagementId()));
        String asked = whyNotArchitect == null || whyNotArchitect.isBlank() ? null : whyNotArchitect.trim();
        AssignmentApi.WhyNot whyNot = asked == null || decision == null ? null
                : orNullIfNotFound(() -> assignment.whyNot(id, asked));
        return Templates.request(RequestJourney.of(request, decision, engagement, whyNot, asked));
    }
}
