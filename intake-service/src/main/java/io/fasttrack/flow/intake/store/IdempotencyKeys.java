package io.fasttrack.flow.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The Idempotency-Key table. A key is reserved before its event is published; the primary key makes the
 * reservation the single point where concurrent duplicates are told apart.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The state of a key after {@link #reserve}: either freshly reserved by this caller, or held by an earlier one. */
    public record Reservation(boolean reservedNow, String requestId, String bodyHash, IdempotencyRecord.State state,
            Instant reservedAt) {
    }

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Reserves {@code key} for {@code requestId}, or returns who holds it already. */
    public Reservation reserve(String key, String bodyHash, String requestId, Instant now) {
        return ConflictRetry.inNewTransaction(() -> {
            IdempotencyRecord existing = entityManager.find(IdempotencyRecord.class, key);
            if (existing != null) {
                return new Reservation(false, existing.requestId, existing.bodyHash, existing.state, existing.reservedAt);
            }
            IdempotencyRecord record = new IdempotencyRecord();
            record.key = key;
            record.bodyHash = bodyHash;
            record.requestId = requestId;
            record.state = IdempotencyRecord.State.PENDING;
            record.reservedAt = now;
            entityManager.persist(record);
            entityManager.flush();
            return new Reservation(true, requestId, bodyHash, record.state, now);
        });
    }

    /** The event is on the broker: from now on the key answers with its request id. */
    public void complete(String key) {
        ConflictRetry.inNewTransaction(() -> {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, key);
            if (record != null) {
                record.state = IdempotencyRecord.State.COMPLETED;
            }
            return null;
        });
    }

    /** Publishing failed: forget the key so the caller can retry with it. */
    public void release(String key) {
        ConflictRetry.inNewTransaction(() -> {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, key);
            if (record != null && record.state == IdempotencyRecord.State.PENDING) {
                entityManager.remove(record);
            }
            return null;
        });
    }

    /** Takes over a reservation left pending too long (its holder died before completing it). */
    public boolean takeOver(String key, Instant pendingSince, Instant now) {
        return ConflictRetry.inNewTransaction(() -> {
            IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, key);
            if (record == null || record.state != IdempotencyRecord.State.PENDING
                    || !record.reservedAt.equals(pendingSince)) {
                return false;
            }
            record.reservedAt = now;
            return true;
        });
    }
}
