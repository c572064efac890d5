package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.events.http.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Placeholder tenants turn into real ones. */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final PlaceholderIdentification identification;
    private final SecurityIdentity caller;

    TenantResource(PlaceholderIdentification identification, SecurityIdentity caller) {
        this.identification = identification;
        this.caller = caller;
    }

    @RolesAllowed("manager")
    @POST
    @Path("/{placeholderId}/identify")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "On the event log (or identified so before); the requests move to the tenant once applied",
            content = @Content(schema = @Schema(implementation = Identification.class)))
    @APIResponse(responseCode = "400", description = "Bad placeholder or tenant id, or unknown fields; every one in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No request names the placeholder",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The placeholder is identified as another tenant already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; a retry is safe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Identification identify(@PathParam("placeholderId") String placeholderId, String body) {
        return identification.identify(placeholderId, body, caller.getPrincipal().getName());
    }
}
