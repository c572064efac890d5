package io.fasttrack.flow.console.services;

import java.time.Instant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service: the requests as submitted and followed across the services. */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(ForwardedToken.class)
@Path("/requests")
public interface IntakeApi {

    @GET
    @Path("/{id}")
    Request request(@PathParam("id") String id);

    @GET
    Page<Request> requests(@QueryParam("status") String status, @QueryParam("stalled") Boolean stalled,
            @QueryParam("page") int page, @QueryParam("size") int size);

    record Request(String id, String type, String tenantId, String customerName, boolean placeholderTenant,
            String status, String architectId, String architectName, Instant slaDeadline, boolean slaAtRisk,
            boolean slaBreached, String engagementId, boolean stalled, String stalledStep, Instant stalledSince,
            Long stalledForSeconds, Review review, Instant submittedAt, Instant updatedAt) {
    }

    record Review(String decision, String note) {
    }
}
