package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.messaging.AssignmentEngine;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;

/** Decisions and their explanation; a manager's reassignment. */
@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private static final String TARGET = "toArchitectId";

    @Inject
    AssignmentEngine engine;

    @RolesAllowed({"reader", "manager"})
    @GET
    @Path("/{requestId}")
    public DecisionRecord get(@PathParam("requestId") String requestId) {
        return engine.decisionOf(requestId)
                .orElseThrow(() -> ProblemException.notFound("no decision for request " + requestId));
    }

    /** Body {@code {"toArchitectId": "..."}} names the new architect; an empty body lets the balancer choose. */
    @RolesAllowed("manager")
    @POST
    @Path("/{requestId}/reassign")
    @Consumes(MediaType.WILDCARD)
    public DecisionRecord reassign(@PathParam("requestId") String requestId, String body) {
        return engine.reassign(requestId, target(body));
    }

    private static Optional<String> target(String body) {
        JsonFields fields = JsonFields.parse(body, false).allowOnly(Set.of(TARGET));
        String to = fields.has(TARGET) ? fields.requiredText(TARGET, FieldLimit.ID) : null;
        fields.throwIfInvalid("the reassignment is invalid");
        return Optional.ofNullable(to);
    }
}
