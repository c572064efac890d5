package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.kit.store.SqlFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/**
 * The Idempotency-Key table. A key is reserved before its event is published; the primary key makes the
 * reservation the single point where concurrent duplicates are told apart. A key is never given up: once
 * reserved it stands for its request id whatever became of the attempts to publish it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A key after {@link #reserve}: reserved by this caller just now, or held by an earlier one in the given state. */
    public record Reservation(boolean reservedNow, String requestId, String bodyHash, IdempotencyRecord.State state,
            Instant reservedAt, Instant attemptSince) {

        static Reservation of(IdempotencyRecord held) {
            return new Reservation(false, held.requestId, held.bodyHash, held.state, held.reservedAt, held.attemptSince());
        }
    }

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Reserves {@code key} for {@code requestId}, or returns who holds it already. The insert comes first, so a
     * new key costs one statement; only a repeat reads the row (in a transaction of its own, as the failed
     * insert ended the first).
     */
    public Reservation reserve(String key, String bodyHash, String requestId, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                IdempotencyRecord record = new IdempotencyRecord();
                record.key = key;
                record.bodyHash = bodyHash;
                record.requestId = requestId;
                record.state = IdempotencyRecord.State.PENDING;
                record.reservedAt = now;
                entityManager.persist(record);
                entityManager.flush();
            });
            return new Reservation(true, requestId, bodyHash, IdempotencyRecord.State.PENDING, now, now);
        } catch (RuntimeException failure) {
            if (!SqlFailures.isDuplicateKey(failure)) {
                throw failure;
            }
        }
        // keys are never deleted: the row that won the insert is committed and stays
        return QuarkusTransaction.requiringNew().call(() -> Reservation.of(entityManager.find(IdempotencyRecord.class, key)));
    }

    /** The events are on the broker: from now on the keys answer with their request ids. In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        entityManager.createQuery("update IdempotencyRecord set state = :completed where key in :keys")
                .setParameter("completed", IdempotencyRecord.State.COMPLETED).setParameter("keys", keys).executeUpdate();
    }

    /**
     * The attempt begun at {@code attemptSince} got no acknowledgement: the next repeat of the key publishes the
     * same request again at once instead of waiting for the attempt to count as abandoned.
     */
    public void publishFailed(String key, Instant attemptSince) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("""
                update IdempotencyRecord set state = :failed
                where key = :key and state = :pending and coalesce(attemptStartedAt, reservedAt) = :since""")
                .setParameter("failed", IdempotencyRecord.State.PUBLISH_FAILED)
                .setParameter("pending", IdempotencyRecord.State.PENDING)
                .setParameter("key", key).setParameter("since", attemptSince).executeUpdate());
    }

    /**
     * Starts a new attempt on a key held as {@code held} (its last attempt failed, or was abandoned by a holder
     * that died); false when another repeat took it over first.
     */
    public boolean takeOver(String key, Reservation held, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                update IdempotencyRecord set state = :pending, attemptStartedAt = :now
                where key = :key and state = :held and coalesce(attemptStartedAt, reservedAt) = :since""")
                .setParameter("pending", IdempotencyRecord.State.PENDING).setParameter("now", now)
                .setParameter("key", key).setParameter("held", held.state()).setParameter("since", held.attemptSince())
                .executeUpdate() == 1);
    }
}
