package dev.ratchet.internal;

import java.sql.SQLException;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.sql.SqlStatement;

/**
 * The failures {@link MigrationExecutor} throws: each names the migration and the line, quotes the
 * server's message and hint, says what a lock timeout waited for, and says what the failure left
 * behind and what to do, which differs with and without a transaction.
 */
final class MigrationFailures {

	private final LockWatch watch;

	MigrationFailures(LockWatch watch) {
		this.watch = watch;
	}

	MigrationFailedException failure(MigrationDescriptor d, SqlStatement statement, SQLException ex,
			boolean transactional) {
		SqlErrors.ServerError error = SqlErrors.parse(ex);
		int line = (statement != null) ? SqlErrors.lineOf(statement.sql(), statement.line(), error.position()) : 0;
		String excerpt = (statement != null) ? SqlErrors.excerpt(statement.sql()) : null;
		StringBuilder message = new StringBuilder("Migration ").append(d.script()).append(" failed");
		if (line > 0) {
			message.append(" at line ").append(line);
		}
		message.append(": ").append(SqlErrors.describe(ex));
		if (!error.detail().isEmpty()) {
			message.append(". ").append(error.detail());
		}
		String hint = ErrorHints.hint(ex.getSQLState(), error.message(), (statement != null) ? statement.sql() : null);
		if (LockRetry.LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
			message.append(". ").append(lockWaitAdvice(this.watch.blockers()));
		}
		else if (hint != null) {
			message.append(message.charAt(message.length() - 1) == '.' ? " " : ". ").append(hint);
		}
		if (excerpt != null) {
			message.append(System.lineSeparator()).append("Statement: ").append(excerpt);
		}
		message.append(System.lineSeparator())
			.append(SqlErrors.isConnectionLoss(ex) ? connectionLost(transactional, line) : consequence(transactional, line));
		return new MigrationFailedException(message.toString(), d,
				new MigrationFailure(line, ex.getSQLState(), error.message(), excerpt, hint), transactional, ex);
	}

	static MigrationFailedException unexpected(MigrationDescriptor d, Exception ex, boolean transactional) {
		if (ex instanceof MigrationResolutionException resolution) {
			throw resolution;
		}
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new MigrationFailedException("Migration " + d.script() + " failed: " + reason + System.lineSeparator()
				+ consequence(transactional, 0), d, new MigrationFailure(0, null, reason, null, null), transactional, ex);
	}

	private static String lockWaitAdvice(String blockers) {
		if (blockers == null) {
			return "The statement waited longer than the lock timeout (ratchet.lock-timeout) for a lock; the session "
					+ "holding it let go before Ratchet could see which one it was. Run again when the database is "
					+ "quieter, or set ratchet.lock-retries to retry automatically.";
		}
		return "The statement waited longer than the lock timeout (ratchet.lock-timeout) for a lock held by " + blockers
				+ ". Let that transaction finish or end it (SELECT pg_terminate_backend(pid)), then run again; "
				+ "ratchet.lock-retries retries automatically.";
	}

	private static String connectionLost(boolean transactional, int line) {
		if (transactional) {
			return "PostgreSQL rolls back the transaction of a lost connection, so nothing of this migration was "
					+ "applied, unless the connection broke while it was being committed. Run again: Ratchet reads "
					+ "the history and carries on from there.";
		}
		return "The migration ran without a transaction, so statements before "
				+ ((line > 0) ? "line " + line : "the failing one") + " stay applied, and its failure could not be "
				+ "recorded. Check what it left behind, undo or complete it by hand, then run again.";
	}

	private static String consequence(boolean transactional, int line) {
		if (transactional) {
			return "The migration was rolled back: nothing of it was applied and no history row was written. "
					+ "Fix it and run again; it will be retried.";
		}
		return "The migration ran without a transaction, so statements before "
				+ ((line > 0) ? "line " + line : "the failing one") + " stay applied. A failed entry now blocks "
				+ "later runs: undo or complete those statements by hand, fix the file, then run repair.";
	}

}
