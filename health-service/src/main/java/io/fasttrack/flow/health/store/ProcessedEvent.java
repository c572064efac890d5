package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** An event this service has applied; written in the same transaction as the projection update. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /** Records the event and answers true the first time; false when it was applied before (a redelivery). */
    public static boolean firstDelivery(UUID eventId, Instant now) {
        if (findById(eventId) != null) {
            return false;
        }
        remember(eventId, now);
        return true;
    }

    /**
     * Records every event id not applied before, with one query for the whole batch, and answers them; an id listed
     * twice is answered once, so the caller applies each event id at most once by removing it from the answer.
     */
    public static Set<UUID> firstDeliveries(Collection<UUID> eventIds, Instant now) {
        Set<UUID> fresh = new HashSet<>(eventIds);
        if (fresh.isEmpty()) {
            return fresh;
        }
        fresh.removeAll(getEntityManager()
                .createQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", UUID.class)
                .setParameter("ids", fresh)
                .getResultList());
        fresh.forEach(eventId -> remember(eventId, now));
        return fresh;
    }

    private static void remember(UUID eventId, Instant now) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.processedAt = now;
        processed.persist();
    }
}
