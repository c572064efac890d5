package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.messaging.Snapshots;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.kit.api.Paging;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** Requests nobody could take yet, earliest SLA deadline first, with the business time left to their deadline. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /**
     * @param businessHoursLeft business hours from now to the deadline in the request's region and time zone; null
     *                          while its RequestSubmitted is not read yet (a store being rebuilt from the log)
     * @param atRisk            the at-risk share of its SLA window has passed (AssignmentSlaAtRisk was published)
     */
    public record QueuedRequest(String requestId, String tenantId, String role, int weight, Instant slaDeadline,
            BigDecimal businessHoursLeft, boolean atRisk, Instant queuedAt, boolean slaBreached, String reason) {
    }

    @Inject
    SlaPolicy sla;

    @Inject
    Clock clock;

    @RolesAllowed({"reader", "manager"})
    @GET
    public Paging.Page<QueuedRequest> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> paging.of(
                QueuedRequestEntity.page(paging.offset(), paging.size()).stream().map(row -> toItem(row, now)).toList(),
                QueuedRequestEntity.count()));
    }

    private QueuedRequest toItem(QueuedRequestEntity row, Instant now) {
        String reason = StoredJson.read(row.decision, DecisionRecord.class).reason();
        BigDecimal hoursLeft = row.snapshot == null ? null : sla.businessHoursLeft(now, row.slaDeadline,
                row.region == null ? null : Region.valueOf(row.region), Snapshots.zoneOf(row.timeZone));
        return new QueuedRequest(row.requestId, row.tenantId, row.role, row.weight, row.slaDeadline, hoursLeft,
                row.slaAtRisk, row.queuedAt, row.slaBreached, reason);
    }
}
