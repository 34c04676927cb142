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
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.sql.SqlStatement;
import dev.ratchet.sql.SqlStatementReader;

/**
 * Applies one migration and records it. A transactional migration commits together with its
 * history row or not at all; a non-transactional one runs statement by statement, and if it fails
 * part-way a failed history row records how far it got.
 */
final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final Connection connection;

	private final HistoryTable history;

	private final ScriptPreflight scripts;

	private final String schema;

	MigrationExecutor(Connection connection, HistoryTable history, ScriptPreflight scripts, String schema) {
		this.connection = connection;
		this.history = history;
		this.scripts = scripts;
		this.schema = schema;
	}

	ExecutedMigration apply(ResolvedMigration migration, ScriptPlan plan) {
		long start = System.nanoTime();
		if (migration.java() != null) {
			applyJava(migration, start);
			return new ExecutedMigration(migration.descriptor(), elapsed(start), true);
		}
		if (plan.transactional()) {
			applyInTransaction(migration, start);
		}
		else {
			applyWithoutTransaction(migration, start);
		}
		return new ExecutedMigration(migration.descriptor(), elapsed(start), plan.transactional());
	}

	private void applyInTransaction(ResolvedMigration migration, long start) {
		MigrationDescriptor d = migration.descriptor();
		try {
			this.connection.setAutoCommit(false);
			SqlStatement failed = null;
			try (SqlStatementReader reader = this.scripts.open(migration.file());
					Statement statement = this.connection.createStatement()) {
				statement.setEscapeProcessing(false);
				for (SqlStatement sql = reader.next(); sql != null; sql = reader.next()) {
					failed = sql;
					execute(statement, sql, d);
				}
				failed = null;
				this.history.insertAndCommit(this.connection, d, millis(start));
			}
			catch (SQLException ex) {
				rollback();
				throw failure(d, failed, ex, true);
			}
			catch (IOException | RuntimeException ex) {
				rollback();
				throw unexpected(d, ex, true);
			}
		}
		catch (SQLException ex) {
			throw failure(d, null, ex, true);
		}
		finally {
			autoCommit();
		}
	}

	private void applyWithoutTransaction(ResolvedMigration migration, long start) {
		MigrationDescriptor d = migration.descriptor();
		SqlStatement current = null;
		try (SqlStatementReader reader = this.scripts.open(migration.file());
				Statement statement = this.connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (current = reader.next(); current != null; current = reader.next()) {
				execute(statement, current, d);
			}
			this.history.insert(this.connection, d, millis(start), null);
		}
		catch (SQLException ex) {
			MigrationFailedException failure = failure(d, current, ex, false);
			recordFailure(d, start, failure);
			throw failure;
		}
		catch (IOException | RuntimeException ex) {
			MigrationFailedException failure = unexpected(d, ex, false);
			recordFailure(d, start, failure);
			throw failure;
		}
	}

	private void applyJava(ResolvedMigration migration, long start) {
		MigrationDescriptor d = migration.descriptor();
		try {
			this.connection.setAutoCommit(false);
			try {
				migration.java().migrate(new MigrationContext(this.connection, this.schema));
				this.history.insert(this.connection, d, millis(start), null);
				this.connection.commit();
			}
			catch (SQLException ex) {
				rollback();
				throw failure(d, null, ex, true);
			}
			catch (Exception ex) {
				rollback();
				throw unexpected(d, ex, true);
			}
		}
		catch (SQLException ex) {
			throw failure(d, null, ex, true);
		}
		finally {
			autoCommit();
		}
	}

	private void execute(Statement statement, SqlStatement sql, MigrationDescriptor d) throws SQLException {
		statement.execute(sql.sql());
		for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
			logger.info("{} line {}: {}", d.script(), sql.line(), warning.getMessage());
		}
		statement.clearWarnings();
	}

	private void recordFailure(MigrationDescriptor d, long start, MigrationFailedException failure) {
		String what = ((failure.getLine() > 0) ? "line " + failure.getLine() + ": " : "")
				+ ((failure.getSqlState() != null) ? "SQLSTATE " + failure.getSqlState() + ": " : "")
				+ failure.getServerMessage();
		try {
			this.history.insert(this.connection, d, millis(start), what);
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
		message.append(": ").append(error.message()).append(" (SQLSTATE ").append(ex.getSQLState()).append(')');
		if (!error.detail().isEmpty()) {
			message.append(". ").append(error.detail());
		}
		if (excerpt != null) {
			message.append(System.lineSeparator()).append("Statement: ").append(excerpt);
		}
		message.append(System.lineSeparator()).append(consequence(transactional, line));
		return new MigrationFailedException(message.toString(), d, line, excerpt, ex.getSQLState(), error.message(),
				transactional, ex);
	}

	private static MigrationFailedException unexpected(MigrationDescriptor d, Exception ex, boolean transactional) {
		if (ex instanceof MigrationResolutionException resolution) {
			throw resolution;
		}
		String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		return new MigrationFailedException("Migration " + d.script() + " failed: " + reason + System.lineSeparator()
				+ consequence(transactional, 0), d, 0, null, null, reason, transactional, ex);
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

	private void autoCommit() {
		try {
			this.connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// The connection is broken; the next use of it reports that.
			logger.debug("Could not reset auto-commit on the migration connection", ex);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static int millis(long start) {
		return (int) Math.min(Integer.MAX_VALUE, elapsed(start).toMillis());
	}

}
