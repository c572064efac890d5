package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event already applied (consumed, or published by this service); applying it again is skipped. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "processed_at")
    public Instant processedAt;

    /** Records the event; false if it was already there. */
    public static boolean firstTime(UUID eventId, Instant at) {
        if (findById(eventId) != null) {
            return false;
        }
        ProcessedEventEntity entry = new ProcessedEventEntity();
        entry.eventId = eventId;
        entry.processedAt = at;
        entry.persist();
        return true;
    }
}
