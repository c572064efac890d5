package io.fasttrack.flow.kit.messaging;

import io.fasttrack.flow.events.EventDecodingException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that would pass (a dependency not answering) from one that comes back every time (the event
 * itself). The cause chain decides where it can; a failure it cannot place is transient only while the
 * database does not answer, so an outage that surfaces as an odd exception is still waited out while a bug
 * in the handling of one event is dead-lettered instead of blocking its partition forever.
 */
public enum FailureClass {
    TRANSIENT, PERMANENT;

    /** SQLSTATE classes of a connection that failed, a transaction rolled back by the database, resources. */
    private static final String[] TRANSIENT_SQL_STATES = {"08", "40", "53", "57", "HYT", "HY008"};

    public static FailureClass of(Throwable failure, BooleanSupplier databaseAnswers) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EventDecodingException) {
                return PERMANENT;
            }
            if (cause instanceof TransientFailure || cause instanceof RetriableException
                    || cause instanceof TimeoutException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || isLockOrConnectionFailure(cause)) {
                return TRANSIENT;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return TRANSIENT;
            }
        }
        return databaseAnswers.getAsBoolean() ? PERMANENT : TRANSIENT;
    }

    private static boolean isLockOrConnectionFailure(Throwable cause) {
        String name = cause.getClass().getName();
        return name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("org.hibernate.PessimisticLockException")
                || name.equals("jakarta.persistence.LockTimeoutException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("jakarta.persistence.QueryTimeoutException")
                || name.equals("org.hibernate.exception.LockTimeoutException");
    }

    private static boolean transientState(String state) {
        for (String prefix : TRANSIENT_SQL_STATES) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
