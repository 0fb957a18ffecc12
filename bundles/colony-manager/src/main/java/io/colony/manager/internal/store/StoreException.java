package io.colony.manager.internal.store;

import java.sql.SQLException;

/** A job store operation failed; the message says what was being done and, for a database error, its SQL state. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StoreException(String message) {
        super(message);
        this.sqlState = null;
    }

    /** A failure that did not come from the database, such as a closed connection pool. */
    public StoreException(String message, RuntimeException cause) {
        super(message, cause);
        this.sqlState = null;
    }

    /**
     * @param doing what was being done, as a phrase following "could not", e.g. "insert job 42"
     */
    public StoreException(String doing, SQLException cause) {
        super("job store: could not " + doing + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")",
                cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQL state of the database error, or null when the failure did not come from the database. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Whether the database refused the write as breaking a constraint (SQL state class 23): a duplicate key, such as a
     * job id that exists, or a row referring to a job that does not.
     */
    public boolean isConstraintViolation() {
        return sqlState != null && sqlState.startsWith("23");
    }
}
