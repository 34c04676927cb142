package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends Ratchet's transactions. Turning auto-commit back on commits whatever is open, so work that
 * escaped with anything at all, an {@link Error} from user code included, must be rolled back
 * first: every transaction Ratchet opens ends here, in a {@code finally}.
 */
final class Transactions {

	private static final Logger logger = LoggerFactory.getLogger(Transactions.class);

	private Transactions() {
	}

	/**
	 * Rolls back what is not committed, then turns auto-commit back on. What was committed stays; a
	 * transaction that cannot be rolled back (a broken connection) is left as it is, never committed,
	 * and the session that owns the connection discards it.
	 * @param connection the connection, in a transaction or not
	 */
	static void end(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				// The driver sends nothing when no transaction is open.
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not end the transaction; the connection is likely gone", ex);
		}
	}

	/**
	 * Rolls back, for a caller that is already failing: a rollback that fails too (the connection is
	 * likely gone, and PostgreSQL rolls back with it) must not hide the first failure.
	 * @param connection the connection, in a transaction
	 */
	static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed; the connection is likely gone", ex);
		}
	}

}
