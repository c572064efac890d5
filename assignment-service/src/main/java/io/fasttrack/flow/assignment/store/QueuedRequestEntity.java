package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "queued_request")
public class QueuedRequestEntity extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "tenant_id")
    public String tenantId;
    public String role;
    public int weight;
    @Column(name = "sla_deadline")
    public Instant slaDeadline;
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "queued_event_id")
    public UUID queuedEventId;
    /** The RequestSnapshot as JSON; null until the RequestSubmitted is seen when rebuilding from the log. */
    public String snapshot;
    /** The decision record (explanation of why nobody could take it) as JSON. */
    public String decision;
    @Column(name = "sla_breached")
    public boolean slaBreached;

    public static List<QueuedRequestEntity> inDeadlineOrder() {
        return list("order by slaDeadline, requestId");
    }

    public static List<QueuedRequestEntity> page(int offset, int size) {
        return getEntityManager().createQuery("from QueuedRequestEntity order by slaDeadline, requestId",
                QueuedRequestEntity.class).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public static List<QueuedRequestEntity> breachedBy(Instant now) {
        return list("slaBreached = false and slaDeadline <= ?1 order by slaDeadline, requestId", now);
    }
}
