package io.fasttrack.flow.assignment.api;

import jakarta.annotation.security.RolesAllowed;
import io.fasttrack.flow.assignment.messaging.AssignmentEngine;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Requests nobody could take yet, earliest SLA deadline first. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @Inject
    AssignmentEngine engine;

    public record QueuedRequest(String requestId, String tenantId, String role, int weight, Instant slaDeadline,
            Instant queuedAt, boolean slaBreached, String reason) {
    }

    public record QueuePage(int page, int size, long total, List<QueuedRequest> items) {
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    public QueuePage list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        return QuarkusTransaction.requiringNew().call(() -> new QueuePage(paging.page(), paging.size(),
                QueuedRequestEntity.count(),
                QueuedRequestEntity.page(paging.page(), paging.size()).stream().map(QueueResource::toItem).toList()));
    }

    private static QueuedRequest toItem(QueuedRequestEntity row) {
        String reason = AssignmentEngine.readDecision(row.decision).reason();
        return new QueuedRequest(row.requestId, row.tenantId, row.role, row.weight, row.slaDeadline, row.queuedAt,
                row.slaBreached, reason);
    }
}
