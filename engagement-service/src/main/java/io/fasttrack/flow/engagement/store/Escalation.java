package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One escalation of an engagement: raised by EscalationRaised, resolved (once) by EscalationResolved. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "escalation_id")
    public String escalationId;
    @Column(name = "engagement_id")
    public String engagementId;
    public String severity;
    public String blocker;
    public String owner;
    @Column(name = "raised_by")
    public String raisedBy;
    @Column(name = "raised_at")
    public Instant raisedAt;
    public String resolution;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public static String idOf(String engagementId, String escalationId) {
        return engagementId + "/" + escalationId;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    public static List<Escalation> of(String engagementId) {
        return list("engagementId = ?1 order by raisedAt, escalationId", engagementId);
    }

    public static List<Escalation> ofAll(Collection<String> engagementIds) {
        return engagementIds.isEmpty() ? List.of() : list("engagementId in ?1", engagementIds);
    }
}
