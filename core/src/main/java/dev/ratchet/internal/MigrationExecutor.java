package dev.ratchet.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.sql.SqlStatement;
import dev.ratchet.sql.SqlStatementReader;

/**
 * Applies one migration and records it. A transactional migration commits together with its
 * history row or not at all; a non-transactional one runs statement by statement, and if it fails
 * part-way a failed history row records how far it got.
 */
final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String INTERRUPTED = "interrupted: the process or its connection ended before the "
			+ "migration finished";

	private final Connection connection;

	private final HistoryTable history;

	private final ScriptPreflight scripts;

	private final String schema;

	private final LockWatch watch;

	private final LockRetry retry;

	private SessionState runStart;

	MigrationExecutor(Connection connection, HistoryTable history, ScriptPreflight scripts, String schema,
			LockWatch watch, LockRetry retry) {
		this.connection = connection;
		this.history = history;
		this.scripts = scripts;
		this.schema = schema;
		this.watch = watch;
		this.retry = retry;
	}

	ExecutedMigration apply(ResolvedMigration migration, ScriptPlan plan) {
		long start = System.nanoTime();
		captureRunStart(migration.descriptor());
		if (migration.java() != null) {
			applyInTransaction(migration, start);
			return new ExecutedMigration(migration.descriptor(), elapsed(start), true);
		}
		if (plan.transactional()) {
			this.retry.run(migration.descriptor(), () -> applyInTransaction(migration, System.nanoTime()));
		}
		else {
			applyWithoutTransaction(migration, start);
		}
		return new ExecutedMigration(migration.descriptor(), elapsed(start), plan.transactional());
	}

	/**
	 * Runs a transactional migration and writes its history row inside the caller's transaction,
	 * committing nothing, so that a dry run can roll it back with the others.
	 * @throws MigrationFailedException if it fails
	 */
	void dryRun(ResolvedMigration migration) {
		captureRunStart(migration.descriptor());
		runAndRecord(migration, System.nanoTime());
	}

	private void applyInTransaction(ResolvedMigration migration, long start) {
		try {
			this.connection.setAutoCommit(false);
			run(migration);
			restoreSession();
			// The history row and the check that the lock is still held travel with the COMMIT: one round trip.
			this.history.insertAndCommit(this.connection, migration.descriptor(), migration.undoChecksum(), millis(start),
					this.watch.commitGuard());
		}
		catch (MigrationFailedException ex) {
			rollback();
			throw ex;
		}
		catch (RuntimeException ex) {
			// A lost lock, say: still this migration's failure, rolled back whole.
			rollback();
			throw unexpected(migration.descriptor(), ex, true);
		}
		catch (SQLException ex) {
			rollback();
			if (AdvisoryLock.NOT_HELD.equals(ex.getSQLState())) {
				throw unexpected(migration.descriptor(), this.watch.lockLost(ex), true);
			}
			throw failure(migration.descriptor(), null, ex, true);
		}
		finally {
			Transactions.end(this.connection);
		}
	}

	private void runAndRecord(ResolvedMigration migration, long start) {
		run(migration);
		try {
			restoreSession();
			this.history.insert(this.connection, migration.descriptor(), migration.undoChecksum(), millis(start), null);
		}
		catch (SQLException ex) {
			throw failure(migration.descriptor(), null, ex, true);
		}
	}

	private void run(ResolvedMigration migration) {
		MigrationDescriptor d = migration.descriptor();
		SqlStatement current = null;
		try {
			if (migration.java() != null) {
				MigrationContext context = new MigrationContext(TransactionGuard.wrap(this.connection), this.schema);
				if (d.type() == MigrationType.UNDO_JAVA) {
					migration.java().undo(context);
				}
				else {
					migration.java().migrate(context);
				}
			}
			else {
				try (SqlStatementReader reader = this.scripts.open(migration.file());
						Statement statement = this.connection.createStatement()) {
					statement.setEscapeProcessing(false);
					for (current = reader.next(); current != null; current = reader.next()) {
						execute(statement, current, d);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw failure(d, current, ex, true);
		}
		catch (Exception ex) {
			throw unexpected(d, ex, true);
		}
	}

	private void applyWithoutTransaction(ResolvedMigration migration, long start) {
		MigrationDescriptor d = migration.descriptor();
		this.watch.verifyLockHeld();
		int rank;
		try {
			// Recorded as failed before it starts, so a crash part-way leaves a failed entry that stops later
			// runs, as a failure would: nothing is ever half-applied without the history saying so.
			rank = this.history.insert(this.connection, d, migration.undoChecksum(), 0, INTERRUPTED);
		}
		catch (SQLException ex) {
			throw failure(d, null, ex, true);
		}
		SqlStatement current = null;
		try (SqlStatementReader reader = this.scripts.open(migration.file());
				Statement statement = this.connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (current = reader.next(); current != null; current = reader.next()) {
				execute(statement, current, d);
			}
			current = null;
			restoreSession();
			this.history.finish(this.connection, rank, millis(start), null);
		}
		catch (SQLException ex) {
			MigrationFailedException failure = failure(d, current, ex, false);
			recordFailure(d, rank, start, failure);
			throw failure;
		}
		catch (IOException | RuntimeException ex) {
			MigrationFailedException failure = unexpected(d, ex, false);
			recordFailure(d, rank, start, failure);
			throw failure;
		}
	}

	/**
	 * Notes the session state the run starts from: the first migration's, which every later one
	 * starts from again.
	 */
	private void captureRunStart(MigrationDescriptor d) {
		if (this.runStart == null) {
			try {
				this.runStart = SessionState.capture(this.connection);
			}
			catch (SQLException ex) {
				throw failure(d, null, ex, true);
			}
		}
	}

	/**
	 * Undoes what the migration set for the session (SET ROLE, SET search_path, any session-level
	 * SET) before its history row is written as the migration user and the next migration starts.
	 */
	private void restoreSession() throws SQLException {
		this.runStart.restore(this.connection);
	}

	private void execute(Statement statement, SqlStatement sql, MigrationDescriptor d) throws SQLException {
		this.watch.run(() -> statement.execute(sql.sql()));
		for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
			logger.info("{} line {}: {}", d.script(), sql.line(), warning.getMessage());
		}
		statement.clearWarnings();
	}

	private void recordFailure(MigrationDescriptor d, int rank, long start, MigrationFailedException failure) {
		try {
			restoreSession();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
		String what = ((failure.getLine() > 0) ? "line " + failure.getLine() + ": " : "")
				+ ((failure.getSqlState() != null) ? "SQLSTATE " + failure.getSqlState() + ": " : "")
				+ failure.getServerMessage();
		try {
			this.history.finish(this.connection, rank, millis(start), what);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
			logger.error("Could not record the failure of {} in {}: {}", d.script(), this.history.getQualifiedName(),
					ex.getMessage());
		}
	}

	private MigrationFailedException failure(MigrationDescriptor d, SqlStatement statement, SQLException ex,
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
		return new MigrationFailedException(message.toString(), d, line, excerpt, ex.getSQLState(), error.message(),
				hint, transactional, ex);
	}

	private static MigrationFailedException unexpected(MigrationDescriptor d, Exception ex, boolean transactional) {
		if (ex instanceof MigrationResolutionException resolution) {
			throw resolution;
		}
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new MigrationFailedException("Migration " + d.script() + " failed: " + reason + System.lineSeparator()
				+ consequence(transactional, 0), d, 0, null, null, reason, transactional, ex);
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

	private void rollback() {
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed; the connection is likely gone", ex);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static int millis(long start) {
		return (int) Math.min(Integer.MAX_VALUE, elapsed(start).toMillis());
	}

}
