package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One ReviewDecided of an engagement; its risks are {@link ReviewRisk}s. */
@Entity
@Table(name = "engagement_review")
public class Review extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "engagement_id")
    public String engagementId;
    public String decision;
    public String note;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<Review> of(String engagementId) {
        return list("engagementId = ?1 order by decidedAt, eventId", engagementId);
    }
}
