package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** What blocks an engagement and who removes it: raised by its architect or a manager, resolved once. */
@Path("/engagements/{id}/escalations")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    @Inject
    EngagementQueries queries;

    @Inject
    EngagementCommands commands;

    @Inject
    EngagementAccess access;

    @RolesAllowed({"architect", "manager"})
    @POST
    public Response raise(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.EscalationBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, true).allowOnly(Set.of("severity", "blocker", "owner"));
        EscalationSeverity severity = FieldReaders.requiredEnum(json, "severity", EscalationSeverity.class);
        String blocker = json.requiredText("blocker", FieldLimit.SENTENCE);
        String owner = json.requiredText("owner", FieldLimit.PERSON);
        json.throwIfInvalid("invalid escalation");
        EngagementViews.Escalation raised = commands.raiseEscalation(id, severity, blocker, owner, access.callerId());
        return Response.created(UriBuilder.fromPath("/engagements/{id}/escalations/{escalationId}")
                .build(id, raised.escalationId())).entity(raised).build();
    }

    @RolesAllowed({"reader", "architect", "manager"})
    @GET
    @Path("/{escalationId}")
    public EngagementViews.Escalation get(@PathParam("id") String id, @PathParam("escalationId") String escalationId) {
        return queries.escalation(id, escalationId);
    }

    @RolesAllowed({"architect", "manager"})
    @POST
    @Path("/{escalationId}/resolve")
    public EngagementViews.Escalation resolve(@PathParam("id") String id,
            @PathParam("escalationId") String escalationId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.ResolutionBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, true).allowOnly(Set.of("resolution"));
        String resolution = json.requiredText("resolution", FieldLimit.NOTE);
        json.throwIfInvalid("invalid resolution");
        return commands.resolveEscalation(id, escalationId, resolution, access.callerId());
    }
}
