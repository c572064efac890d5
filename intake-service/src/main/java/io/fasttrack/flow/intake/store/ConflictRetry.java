package io.fasttrack.flow.intake.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Runs a unit of work in its own transaction and runs it again when it lost a race: the HTTP thread and
 * three consumer threads may all write the same request row (insert of the same id, concurrent updates).
 * A second attempt sees what the winner committed, so every writer must be idempotent.
 */
final class ConflictRetry {

    private static final int ATTEMPTS = 5;

    private ConflictRetry() {
    }

    static <T> T inNewTransaction(Supplier<T> work) {
        RuntimeException lastConflict = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                lastConflict = e;
            }
        }
        throw lastConflict;
    }

    private static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
