package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One risk a review names, at its position in the review's list. */
@Entity
@Table(name = "engagement_review_risk")
public class ReviewRisk extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "review_event_id")
    public UUID reviewEventId;
    public int position;
    public String risk;

    public static String idOf(UUID reviewEventId, int position) {
        return reviewEventId + "/" + position;
    }

    /** The risks of the reviews, each review's in its order. */
    public static List<ReviewRisk> ofAll(Collection<UUID> reviewEventIds) {
        return reviewEventIds.isEmpty() ? List.of()
                : list("reviewEventId in ?1 order by reviewEventId, position", reviewEventIds);
    }
}
