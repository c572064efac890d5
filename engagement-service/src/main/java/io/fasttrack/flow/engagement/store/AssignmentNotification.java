package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The fate of one assignment's notification, keyed by the FtaAssigned event that caused it. A PENDING one holds
 * the mail it sends; it is written in the transaction that applies the assignment and sent after that commits.
 */
@Entity
@Table(name = "assignment_notification")
public class AssignmentNotification extends PanacheEntityBase {

    public enum Outcome {
        /** Recorded, to be sent. */
        PENDING,
        SENT,
        /** Every attempt to send it failed. */
        FAILED,
        NO_RECIPIENTS,
        /** Older than the notification window when it was applied. */
        TOO_OLD,
        /** Applied while the projection was rebuilt from history: announced when it happened. */
        REPLAYED
    }

    /** Separates the addresses of {@link #mailTo} and {@link #mailCc}; no address holds a line break. */
    private static final String ADDRESS_SEPARATOR = "\n";

    @Id
    @Column(name = "assignment_event_id")
    public UUID assignmentEventId;
    @Column(name = "engagement_id")
    public String engagementId;
    @Column(name = "architect_id")
    public String architectId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public int recipients;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "mail_to")
    public String mailTo;
    @Column(name = "mail_cc")
    public String mailCc;
    public String subject;
    public String body;
    /** Attempts to send it that failed. */
    public int failures;
    /** No sender takes the PENDING notification before this. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public static String addresses(List<String> addresses) {
        return String.join(ADDRESS_SEPARATOR, addresses);
    }

    public static List<String> addresses(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(ADDRESS_SEPARATOR));
    }

    /** PENDING notifications whose next attempt is due, oldest first. */
    public static List<AssignmentNotification> due(Instant now, int limit) {
        return find("outcome = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Outcome.PENDING, now).page(0, limit)
                .list();
    }

    /**
     * Takes a due PENDING notification for this sender until {@code until}; false when another sender took it
     * first (the row changes once, so of two senders racing for it one wins).
     */
    public static boolean claim(UUID id, Instant now, Instant until) {
        return update("nextAttemptAt = ?1 where assignmentEventId = ?2 and outcome = ?3 and nextAttemptAt <= ?4", until, id,
                Outcome.PENDING, now) == 1;
    }

    public static void markSent(Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("outcome = ?1, decidedAt = ?2 where assignmentEventId in ?3", Outcome.SENT, at, ids);
        }
    }

    /** Counts a failed attempt: PENDING again from {@code retryAt}, or FAILED once it has failed {@code maxAttempts} times. */
    public static Outcome markFailed(UUID id, int failuresBefore, int maxAttempts, Instant at, Instant retryAt) {
        Outcome outcome = failuresBefore + 1 >= maxAttempts ? Outcome.FAILED : Outcome.PENDING;
        update("outcome = ?1, failures = ?2, decidedAt = ?3, nextAttemptAt = ?4 where assignmentEventId = ?5", outcome,
                failuresBefore + 1, at, retryAt, id);
        return outcome;
    }
}
