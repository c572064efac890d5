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

/**
 * An event the alerts projection applied, recorded in its transaction: the alerts' idempotent consumer. Apart from
 * the kit's processed events because another projection of this service applies some of the same events.
 */
@Entity
@Table(name = "alert_applied_event")
public class AlertAppliedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    /** Which of these events the alerts projection applied before: one query. */
    public static Set<UUID> alreadyApplied(Collection<UUID> eventIds) {
        Set<UUID> applied = new HashSet<>();
        if (!eventIds.isEmpty()) {
            AlertAppliedEvent.<AlertAppliedEvent>list("eventId in ?1", eventIds).forEach(event -> applied.add(event.eventId));
        }
        return applied;
    }

    /** Records the events as applied, one JDBC batch at the commit. */
    public static void record(Collection<UUID> eventIds, Instant at) {
        for (UUID eventId : eventIds) {
            AlertAppliedEvent applied = new AlertAppliedEvent();
            applied.eventId = eventId;
            applied.appliedAt = at;
            applied.persist();
        }
    }
}
