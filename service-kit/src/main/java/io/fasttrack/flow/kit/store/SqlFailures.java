package io.fasttrack.flow.kit.store;

import java.sql.SQLException;

/** What a database failure says about the rows involved, read from its SQLSTATE (the same on H2 and PostgreSQL). */
public final class SqlFailures {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {
    }

    /** Another transaction stored a row with the same key first. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every statement of the batch that failed did so because another transaction stored its key first. */
    public static boolean onlyDuplicateKeys(SQLException batchFailure) {
        for (SQLException sql = batchFailure; sql != null; sql = sql.getNextException()) {
            if (!UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
        }
        return true;
    }
}
