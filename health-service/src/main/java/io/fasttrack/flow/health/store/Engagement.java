package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The queue of the answered request (FTA, FTCHELP), null until its assignment arrived. */
    public String queue;

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

    /** The engagements of these requests, by request id. */
    public static Map<String, Engagement> ofRequests(Collection<String> requestIds) {
        Map<String, Engagement> byRequest = new HashMap<>();
        if (!requestIds.isEmpty()) {
            Engagement.<Engagement>list("requestId in ?1", requestIds).forEach(engagement -> byRequest.put(engagement.requestId, engagement));
        }
        return byRequest;
    }

    /** The engagement of a request, from whichever of its events arrives first. */
    public static Engagement of(String requestId, String tenantId, String architectId) {
        Engagement engagement = new Engagement();
        engagement.requestId = requestId;
        engagement.tenantId = tenantId;
        engagement.architectId = architectId;
        return engagement;
    }

    public static List<Engagement> historyOf(String tenantId) {
        return list("tenantId = ?1 order by assignedAt, requestId", tenantId);
    }
}
