package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** An alert event found on the alerts topic when a rebuild began: published once already, never again. */
@Entity
@Table(name = "alert_published_event")
public class AlertPublishedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** Which of these alert events were on the topic before the rebuild: one query. */
    public static Set<UUID> among(Collection<UUID> eventIds) {
        Set<UUID> found = new HashSet<>();
        if (!eventIds.isEmpty()) {
            AlertPublishedEvent.<AlertPublishedEvent>list("eventId in ?1", eventIds).forEach(event -> found.add(event.eventId));
        }
        return found;
    }

    /** Records the ids not recorded yet. */
    public static void recordNew(Collection<UUID> eventIds) {
        Set<UUID> known = among(eventIds);
        for (UUID eventId : new HashSet<>(eventIds)) {
            if (!known.contains(eventId)) {
                AlertPublishedEvent published = new AlertPublishedEvent();
                published.eventId = eventId;
                published.persist();
            }
        }
    }
}
