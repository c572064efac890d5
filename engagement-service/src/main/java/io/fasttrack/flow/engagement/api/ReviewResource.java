package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The architect's review of a migration exception or an ECIF/DWR fund request. Other request types take no review
 * (409), nor does an engagement whose review is decided (409).
 */
@Path("/engagements/{id}/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final int MAX_RISKS = 20;
    static final int MAX_RISK_LENGTH = 500;

    @Inject
    EngagementCommands commands;

    @Inject
    EngagementAccess access;

    @RolesAllowed({"architect", "manager"})
    @POST
    public EngagementViews.Engagement review(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.ReviewBody.class))) String body) {
        access.requireHolderOrManager(id);
        JsonFields json = JsonFields.parse(body, true).allowOnly(Set.of("decision", "risks", "note"));
        ReviewDecision decision = FieldReaders.requiredEnum(json, "decision", ReviewDecision.class);
        List<String> risks = FieldReaders.optionalTexts(json, "risks", MAX_RISKS, MAX_RISK_LENGTH);
        String note = json.optionalText("note", FieldLimit.NOTE);
        json.throwIfInvalid("invalid review");
        return commands.decideReview(id, decision, risks, note, access.callerId());
    }
}
