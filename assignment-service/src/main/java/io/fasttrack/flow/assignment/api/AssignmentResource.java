package io.fasttrack.flow.assignment.api;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.assignment.messaging.AssignmentEngine;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.events.http.Problem.Violation;
import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.fasttrack.flow.events.EventCodec;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Decisions and their explanation; a manager's reassignment. */
@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @Inject
    AssignmentEngine engine;

    @RolesAllowed({"reader", "manager"})
    @GET
    @Path("/{requestId}")
    public DecisionRecord get(@PathParam("requestId") String requestId) {
        return engine.decisionOf(requestId).orElseThrow(() -> ApiException.notFound("no decision for request " + requestId));
    }

    /** Body {@code {"toArchitectId": "..."}} names the new architect; an empty body lets the balancer choose. */
    @RolesAllowed("manager")
    @POST
    @Path("/{requestId}/reassign")
    @Consumes(MediaType.WILDCARD)
    public DecisionRecord reassign(@PathParam("requestId") String requestId, String body) {
        return engine.reassign(requestId, target(body));
    }

    private static Optional<String> target(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException malformed) {
            throw ApiException.invalid(List.of(new Violation("$", "not JSON: " + malformed.getOriginalMessage())));
        }
        if (body == null || body.isNull()) {
            return Optional.empty();
        }
        if (!body.isObject()) {
            throw ApiException.invalid(List.of(new Violation("$", "must be a JSON object")));
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("toArchitectId")) {
                violations.add(new Violation(name, "unknown field"));
            }
        }
        JsonNode to = body.get("toArchitectId");
        if (to != null && !to.isNull() && (!to.isTextual() || to.textValue().isBlank())) {
            violations.add(new Violation("toArchitectId", "must be a non-blank string"));
        } else if (to != null && to.isTextual() && to.textValue().length() > 100) {
            violations.add(new Violation("toArchitectId", "must be at most 100 characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return to == null || to.isNull() ? Optional.empty() : Optional.of(to.textValue());
    }
}
