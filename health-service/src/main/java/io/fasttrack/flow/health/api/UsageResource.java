package io.fasttrack.flow.health.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** POST /usage: one report object or an array of them, all accepted or none (see {@link UsageReporting}). */
@Path("/usage")
public class UsageResource {

    @Inject
    UsageReporting reporting;

    @RolesAllowed("submitter")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report usage: one report object or an array of them; all are accepted or none")
    public Response report(byte[] body, @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.accepted(reporting.report(body, requestId, idempotencyKey)).build();
    }
}
