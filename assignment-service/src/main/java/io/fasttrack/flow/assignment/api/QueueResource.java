package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.kit.api.Paging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** Requests nobody could take yet, earliest SLA deadline first. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    public record QueuedRequest(String requestId, String tenantId, String role, int weight, Instant slaDeadline,
            Instant queuedAt, boolean slaBreached, String reason) {
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    public Paging.Page<QueuedRequest> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        return QuarkusTransaction.requiringNew().call(() -> paging.of(
                QueuedRequestEntity.page(paging.offset(), paging.size()).stream().map(QueueResource::toItem).toList(),
                QueuedRequestEntity.count()));
    }

    private static QueuedRequest toItem(QueuedRequestEntity row) {
        String reason = StoredJson.read(row.decision, DecisionRecord.class).reason();
        return new QueuedRequest(row.requestId, row.tenantId, row.role, row.weight, row.slaDeadline, row.queuedAt,
                row.slaBreached, reason);
    }
}
