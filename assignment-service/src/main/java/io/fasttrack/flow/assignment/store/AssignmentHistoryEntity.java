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
@Table(name = "assignment_history")
public class AssignmentHistoryEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "architect_id")
    public String architectId;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static AssignmentHistoryEntity of(UUID eventId, String requestId, String architectId, Instant assignedAt) {
        AssignmentHistoryEntity entry = new AssignmentHistoryEntity();
        entry.eventId = eventId;
        entry.requestId = requestId;
        entry.architectId = architectId;
        entry.assignedAt = assignedAt;
        return entry;
    }

    /** Per architect, the last assignment ever; the balancer only needs that and the recent ones. */
    public static List<Object[]> lastPerArchitect() {
        return getEntityManager().createQuery(
                "select h.architectId, max(h.assignedAt) from AssignmentHistoryEntity h group by h.architectId", Object[].class)
                .getResultList();
    }

    public static List<AssignmentHistoryEntity> since(Instant from) {
        return list("assignedAt > ?1 order by assignedAt, eventId", from);
    }
}
