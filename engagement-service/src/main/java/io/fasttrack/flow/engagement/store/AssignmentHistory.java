package io.fasttrack.flow.engagement.store;

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
public class AssignmentHistory extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "engagement_id")
    public String engagementId;
    @Column(name = "architect_id")
    public String architectId;
    @Column(name = "architect_name")
    public String architectName;
    @Column(name = "team_manager")
    public String teamManager;
    @Column(name = "reassigned_from")
    public String reassignedFrom;
    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static List<AssignmentHistory> of(String engagementId) {
        return list("engagementId = ?1 order by assignedAt, eventId", engagementId);
    }
}
