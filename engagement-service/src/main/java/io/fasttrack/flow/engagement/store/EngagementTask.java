package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "engagement_task")
public class EngagementTask extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "engagement_id")
    public String engagementId;
    @Column(name = "task_id")
    public String taskId;
    public String name;
    public boolean mandatory;
    public int position;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "completed_by")
    public String completedBy;

    public static String idOf(String engagementId, String taskId) {
        return engagementId + "/" + taskId;
    }

    public static List<EngagementTask> of(String engagementId) {
        return list("engagementId = ?1 order by position", engagementId);
    }

    public static List<EngagementTask> ofAll(List<String> engagementIds) {
        return engagementIds.isEmpty() ? List.of() : list("engagementId in ?1 order by position", engagementIds);
    }
}
