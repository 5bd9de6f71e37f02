package dev.camelgateway.usage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Why the database did not take rows, in Spring's {@code DataAccessException} terms: unreachable (no connection, a
 * connection lost, a timeout: the rows are fine, try again later) or anything else, which the writer treats as the
 * rows' content (a constraint, a value too long) once a row-by-row retry has found the row.
 */
final class LedgerFailures {
    private LedgerFailures() {
    }

    static boolean unreachable(Throwable e) {
        return e instanceof DataAccessResourceFailureException    // CannotGetJdbcConnectionException, SQL state 08/53/57…
                || e instanceof TransientDataAccessException       // TransientDataAccessResourceException, query timeout, lock
                || e instanceof RecoverableDataAccessException
                || e instanceof CannotCreateTransactionException   // the transaction could not get a connection
                || e instanceof TransactionSystemException         // a commit cut off: replay skips what did commit
                || e instanceof AssertionError;                    // pgjdbc's own check (run with -ea) on a cut connection
    }
}
