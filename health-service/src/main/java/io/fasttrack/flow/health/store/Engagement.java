package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One assignment of a customer to an architect and, once it is done, its completion: the ownership history. */
@Entity
@Table(name = "ownership_engagement")
public class Engagement extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "engagement_id")
    public String engagementId;

    @Column(name = "architect_id", nullable = false)
    public String architectId;

    @Column(name = "architect_name")
    public String architectName;

    @Column(name = "team_manager")
    public String teamManager;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static List<Engagement> historyOf(String tenantId) {
        return list("tenantId = ?1 order by assignedAt, requestId", tenantId);
    }
}
