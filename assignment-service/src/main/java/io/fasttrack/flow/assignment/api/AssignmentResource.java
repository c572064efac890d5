package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.audit.DecisionVerifier;
import io.fasttrack.flow.assignment.messaging.DecisionRecords;
import io.fasttrack.flow.assignment.messaging.ManagerDecision;
import io.fasttrack.flow.assignment.messaging.ManagerDecisions;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Decisions and their explanation; a manager's decision for an assigned or a waiting request. A reader sees no
 * personal data (the requestor, the account team); a manager does.
 */
@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private static final String TARGET = "toArchitectId";
    private static final String REASON = "reason";
    private static final String MANAGER = "manager";
    private static final String FROM = "from";
    private static final String TO = "to";

    @Inject
    DecisionRecords records;

    @Inject
    ManagerDecisions managers;

    @Inject
    SecurityIdentity identity;

    @Inject
    DecisionVerifier verifier;

    @RolesAllowed({"reader", MANAGER})
    @GET
    @Path("/{requestId}")
    public DecisionRecord get(@PathParam("requestId") String requestId) {
        DecisionRecord decision = records.decisionOf(requestId)
                .orElseThrow(() -> ProblemException.notFound("no decision for request " + requestId));
        return identity.hasRole(MANAGER) ? decision : decision.withoutPersonalData();
    }

    /**
     * Why the architect did not get the request, exactly as of its current decision: excluded and why, or the rule on
     * which they lost to the winner, with both sides' values.
     */
    @RolesAllowed({"reader", MANAGER})
    @GET
    @Path("/{requestId}/candidates/{architectId}")
    public DecisionVerifier.WhyNot whyNot(@PathParam("requestId") String requestId,
            @PathParam("architectId") String architectId) {
        return verifier.whyNot(requestId, architectId);
    }

    /**
     * Re-decides every recorded decision of the window ({@code {"from": ..., "to": ...}}, instants, both optional) from
     * the log with the balancer alone and says which differ.
     */
    @RolesAllowed(MANAGER)
    @POST
    @Path("/verify")
    @Consumes(MediaType.WILDCARD)
    public DecisionVerifier.Verification verify(String body) {
        JsonFields fields = JsonFields.parse(body, false).allowOnly(Set.of(FROM, TO));
        Instant from = Instants.optional(fields, FROM);
        Instant to = Instants.optional(fields, TO);
        if (from != null && to != null && from.isAfter(to)) {
            fields.violation(TO, "must not be before from");
        }
        fields.throwIfInvalid("the verification window is invalid");
        return verifier.verify(from, to);
    }

    /**
     * Body {@code {"toArchitectId": "...", "reason": "..."}}, both optional: without an architect the balancer
     * chooses (another one, for an assigned request). A waiting request may be assigned so too.
     */
    @RolesAllowed(MANAGER)
    @POST
    @Path("/{requestId}/reassign")
    @Consumes(MediaType.WILDCARD)
    public DecisionRecord reassign(@PathParam("requestId") String requestId, String body) {
        JsonFields fields = JsonFields.parse(body, false).allowOnly(Set.of(TARGET, REASON));
        String to = fields.has(TARGET) ? fields.requiredText(TARGET, FieldLimit.ID) : null;
        String reason = fields.optionalText(REASON, FieldLimit.SENTENCE);
        fields.throwIfInvalid("the reassignment is invalid");
        return managers.reassign(requestId, Optional.ofNullable(to),
                new ManagerDecision(identity.getPrincipal().getName(), reason));
    }
}
