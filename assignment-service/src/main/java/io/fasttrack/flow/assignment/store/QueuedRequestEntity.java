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
    /** The request's region and time zone, by which its business time is counted; null until its RequestSubmitted is seen. */
    public String region;
    @Column(name = "time_zone")
    public String timeZone;
    /** When the at-risk share of its SLA window passes; null until its RequestSubmitted is seen. */
    @Column(name = "sla_at_risk_at")
    public Instant slaAtRiskAt;
    @Column(name = "sla_at_risk")
    public boolean slaAtRisk;

    public static List<QueuedRequestEntity> inDeadlineOrder() {
        return list("order by slaDeadline, requestId");
    }

    /** The first {@code limit} waiting requests of the role whose RequestSubmitted is known, first served first. */
    public static List<QueuedRequestEntity> firstKnownOfRole(String role, int limit) {
        return getEntityManager().createQuery("from QueuedRequestEntity where role = :role and snapshot is not null"
                + " order by slaDeadline, requestId", QueuedRequestEntity.class).setParameter("role", role)
                .setMaxResults(limit).getResultList();
    }

    public static List<QueuedRequestEntity> page(int offset, int size) {
        return getEntityManager().createQuery("from QueuedRequestEntity order by slaDeadline, requestId",
                QueuedRequestEntity.class).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public static List<QueuedRequestEntity> atRiskBy(Instant now) {
        return list("slaAtRisk = false and slaBreached = false and slaAtRiskAt <= ?1 order by slaAtRiskAt, requestId", now);
    }

    public static List<QueuedRequestEntity> breachedBy(Instant now) {
        return list("slaBreached = false and slaDeadline <= ?1 order by slaDeadline, requestId", now);
    }
}
