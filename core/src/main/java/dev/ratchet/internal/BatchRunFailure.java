package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;

import dev.ratchet.RatchetException;

/**
 * A failure of a batched migration's run as a whole, with the reason as its message; or, as
 * {@link LockLost}, the loss of the migration lock before a commit.
 */
class BatchRunFailure extends Exception {

	private static final long serialVersionUID = 1L;

	BatchRunFailure(String reason, Throwable cause) {
		super(reason, cause);
	}

	/**
	 * The lock was lost before a commit: another instance may be running the migration now, so the
	 * run records nothing.
	 */
	static final class LockLost extends BatchRunFailure {

		private static final long serialVersionUID = 1L;

		LockLost(RatchetException cause) {
			super(cause.getMessage(), cause);
		}

		/**
		 * Commits, once sure the lock is still held: an instance that lost its lock session must not
		 * commit a batch another instance may be processing too.
		 */
		static void commit(Connection connection, LockWatch watch) throws SQLException, LockLost {
			try {
				watch.verifyLockHeld();
			}
			catch (RatchetException ex) {
				throw new LockLost(ex);
			}
			connection.commit();
		}

	}

}
