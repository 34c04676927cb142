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
import dev.ratchet.MigrationFailure;
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

	private final MigrationFailures failures;

	private SessionState runStart;

	// The installed_rank of the next history row, once this run has written one; 0 until then, or after
	// a row written by something else (a batched migration's). Every writer of the history holds the
	// migration lock, which this run holds, so the run knows the next rank without asking the server:
	// asking costs a subquery the server plans again after every migration's DDL (after which PgJDBC
	// prepares its statements anew: flushCacheOnDdl).
	private int nextRank;

	/**
	 * An executor for the work session of a locked run.
	 * @param run the run: its work session, history table, schema and lock retries
	 * @param scripts reads the scripts
	 * @param watch watches the lock while migrations run
	 */
	MigrationExecutor(Run run, ScriptPreflight scripts, LockWatch watch) {
		this.connection = run.connection();
		this.history = run.history();
		this.schema = run.schema();
		this.retry = LockRetry.of(run.configuration());
		this.scripts = scripts;
		this.watch = watch;
		this.failures = new MigrationFailures(watch);
	}

	ExecutedMigration apply(ResolvedMigration migration, ScriptPlan plan) {
		return apply(migration, plan, true);
	}

	/**
	 * Applies one migration and records it.
	 * @param migration the migration
	 * @param plan what the preflight found in its script
	 * @param flush whether its commit waits for the WAL flush (as every commit does by default). A run
	 * lets every commit but its last go without waiting ({@code SET LOCAL synchronous_commit = off}
	 * in the migration's own transaction): the last one's flush writes all of them, as PostgreSQL
	 * flushes the WAL in order, so the run's work is durable when it returns, as before, without a disk
	 * flush per migration. A server crash part-way through a run can only lose the newest commits
	 * whole, each migration with its history row: the schema is at an earlier version, never half of
	 * one, and the next run applies the rest.
	 * @return what was applied
	 */
	ExecutedMigration apply(ResolvedMigration migration, ScriptPlan plan, boolean flush) {
		long start = System.nanoTime();
		captureRunStart(migration.descriptor());
		if (migration.java() != null) {
			applyInTransaction(migration, start, flush, true);
			return new ExecutedMigration(migration.descriptor(), elapsed(start), true);
		}
		if (plan.transactional()) {
			this.retry.run(migration.descriptor(), () -> applyInTransaction(migration, System.nanoTime(), flush,
					plan.touchesSession()));
		}
		else {
			applyWithoutTransaction(migration, start);
		}
		return new ExecutedMigration(migration.descriptor(), elapsed(start), plan.transactional());
	}

	/**
	 * Notes that something else wrote to the history (a batched migration), so the next row's rank is
	 * asked of the server again.
	 */
	void historyWrittenElsewhere() {
		this.nextRank = 0;
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

	/**
	 * @param restore whether the migration may have changed the session's own settings or role (a
	 * Java migration, or a script with a session-level SET, a function call, …; see
	 * {@link ScriptPlan#touchesSession()}), which are then put back before its history row: reading
	 * the session's settings costs the server more than a trivial migration. The session as a whole is
	 * put back when the run ends, whatever its migrations did.
	 */
	private void applyInTransaction(ResolvedMigration migration, long start, boolean flush, boolean restore) {
		try {
			this.connection.setAutoCommit(false);
			run(migration);
			// The session's restore, the history row with the check that the lock is still held, and the
			// COMMIT: one round trip.
			String restoreStatement = restore ? this.runStart.restoreStatement() : null;
			if (restore && restoreStatement == null) {
				restoreSession();
			}
			int rank = this.nextRank;
			// Unknown again unless the row is committed: a failed insert leaves it to the server to say.
			this.nextRank = 0;
			this.nextRank = this.history.insertAndCommit(this.connection, migration.descriptor(),
					migration.undoChecksum(), millis(start), restoreStatement, this.watch.commitGuard(), flush, rank) + 1;
		}
		catch (MigrationFailedException ex) {
			Transactions.rollback(this.connection);
			throw ex;
		}
		catch (RuntimeException ex) {
			// A lost lock, say: still this migration's failure, rolled back whole.
			Transactions.rollback(this.connection);
			throw MigrationFailures.unexpected(migration.descriptor(), ex, true);
		}
		catch (SQLException ex) {
			Transactions.rollback(this.connection);
			if (AdvisoryLock.isNotHeld(ex)) {
				throw MigrationFailures.unexpected(migration.descriptor(), this.watch.lockLost(ex), true);
			}
			throw this.failures.failure(migration.descriptor(), null, ex, true);
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
			throw this.failures.failure(migration.descriptor(), null, ex, true);
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
			throw this.failures.failure(d, current, ex, true);
		}
		catch (Exception ex) {
			throw MigrationFailures.unexpected(d, ex, true);
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
			this.nextRank = rank + 1;
		}
		catch (SQLException ex) {
			throw this.failures.failure(d, null, ex, true);
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
			MigrationFailedException failure = this.failures.failure(d, current, ex, false);
			recordFailure(d, rank, start, failure);
			throw failure;
		}
		catch (IOException | RuntimeException ex) {
			MigrationFailedException failure = MigrationFailures.unexpected(d, ex, false);
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
				throw this.failures.failure(d, null, ex, true);
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
		MigrationFailure where = failure.getFailure();
		String what = ((where.line() > 0) ? "line " + where.line() + ": " : "")
				+ ((where.sqlState() != null) ? "SQLSTATE " + where.sqlState() + ": " : "") + where.message();
		try {
			this.history.finish(this.connection, rank, millis(start), what);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
			logger.error("Could not record the failure of {} in {}: {}", d.script(), this.history.getQualifiedName(),
					ex.getMessage());
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static int millis(long start) {
		return (int) Math.min(Integer.MAX_VALUE, elapsed(start).toMillis());
	}

}
