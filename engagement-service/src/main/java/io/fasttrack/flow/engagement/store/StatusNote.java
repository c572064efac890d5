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
@Table(name = "status_note")
public class StatusNote extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "engagement_id")
    public String engagementId;
    public String author;
    public String note;
    @Column(name = "added_at")
    public Instant addedAt;

    public static List<StatusNote> of(String engagementId) {
        return list("engagementId = ?1 order by addedAt, eventId", engagementId);
    }
}
