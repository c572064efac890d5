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
@Table(name = "assignment")
public class AssignmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "architect_id")
    public String architectId;
    public int weight;
    public boolean open;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "decision_event_id")
    public UUID decisionEventId;
    /** The decision record as JSON (see DecisionRecord). */
    public String decision;

    public static List<AssignmentEntity> allOpen() {
        return list("open", true);
    }

    /** The engagements completed since {@code since}, in completion order: the balancer keeps each customer's latest. */
    public static List<AssignmentEntity> completedSince(Instant since) {
        return list("open = false and completedAt >= ?1 order by completedAt, requestId", since);
    }
}
