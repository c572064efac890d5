package io.fasttrack.flow.health.store;

import io.fasttrack.flow.kit.store.SqlFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The Idempotency-Key table of POST /usage, kept as intake keeps the keys of POST /requests: a key is reserved before
 * its reports are published, the primary key being the single point where concurrent duplicates are told apart, and
 * it is never given up: once reserved it stands for its answer whatever became of the attempts to publish.
 */
@ApplicationScoped
public class UsageIdempotencyKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    /** A key after {@link #reserve}: reserved by this caller just now, or held by an earlier one in the given state. */
    public record Reservation(boolean reservedNow, String requestId, int accepted, String bodyHash,
            UsageIdempotencyRecord.State state, Instant reservedAt, Instant attemptSince) {

        static Reservation of(UsageIdempotencyRecord held) {
            return new Reservation(false, held.requestId, held.accepted, held.bodyHash, held.state, held.reservedAt,
                    held.attemptSince());
        }
    }

    @Inject
    EntityManager entityManager;

    /**
     * Reserves {@code key} for the answer, or returns who holds it already. The insert comes first, so a new key costs
     * one statement; only a repeat reads the row (in a transaction of its own, as the failed insert ended the first).
     */
    public Reservation reserve(String key, String bodyHash, String requestId, int accepted, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                UsageIdempotencyRecord record = new UsageIdempotencyRecord();
                record.key = key;
                record.bodyHash = bodyHash;
                record.requestId = requestId;
                record.accepted = accepted;
                record.state = UsageIdempotencyRecord.State.PENDING;
                record.reservedAt = now;
                entityManager.persist(record);
                entityManager.flush();
            });
            return new Reservation(true, requestId, accepted, bodyHash, UsageIdempotencyRecord.State.PENDING, now, now);
        } catch (RuntimeException failure) {
            if (!SqlFailures.isDuplicateKey(failure)) {
                throw failure;
            }
        }
        // keys are never deleted: the row that won the insert is committed and stays
        return QuarkusTransaction.requiringNew()
                .call(() -> Reservation.of(entityManager.find(UsageIdempotencyRecord.class, key)));
    }

    /** Every report is on the broker: from now on the key answers with its first answer. */
    public void complete(String key) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery(
                "update UsageIdempotencyRecord set state = :completed where key = :key")
                .setParameter("completed", UsageIdempotencyRecord.State.COMPLETED).setParameter("key", key).executeUpdate());
    }

    /** The attempt begun at {@code attemptSince} got no acknowledgement: the next repeat publishes again at once. */
    public void publishFailed(String key, Instant attemptSince) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("""
                update UsageIdempotencyRecord set state = :failed
                where key = :key and state = :pending and coalesce(attemptStartedAt, reservedAt) = :since""")
                .setParameter("failed", UsageIdempotencyRecord.State.PUBLISH_FAILED)
                .setParameter("pending", UsageIdempotencyRecord.State.PENDING)
                .setParameter("key", key).setParameter("since", attemptSince).executeUpdate());
    }

    /** Starts a new attempt on a key held as {@code held}; false when another repeat took it over first. */
    public boolean takeOver(String key, Reservation held, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                update UsageIdempotencyRecord set state = :pending, attemptStartedAt = :now
                where key = :key and state = :held and coalesce(attemptStartedAt, reservedAt) = :since""")
                .setParameter("pending", UsageIdempotencyRecord.State.PENDING).setParameter("now", now)
                .setParameter("key", key).setParameter("held", held.state()).setParameter("since", held.attemptSince())
                .executeUpdate() == 1);
    }
}
