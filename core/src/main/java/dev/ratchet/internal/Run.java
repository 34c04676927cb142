package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.lock.AdvisoryLock;

/**
 * One locked run, as {@link OperationRunner} hands it to an operation: the session the work runs
 * on, the session that holds the lock, the lock, and what the run works on.
 * @param configuration the configuration
 * @param events where events go
 * @param session the session the operation works on
 * @param lockSession the session holding the lock, used for nothing else but {@link LockWatch}
 * @param lock the held migration lock; the runner releases it
 * @param target the schema and history table
 * @param lockWait how long taking the lock took
 */
record Run(RatchetConfiguration configuration, Events events, Session session, Session lockSession, AdvisoryLock lock,
		RunTarget target, Duration lockWait) {

	Connection connection() {
		return this.session.connection();
	}

	String schema() {
		return this.target.schema();
	}

	HistoryTable history() {
		return this.target.history();
	}

	private LockWatch watch() throws SQLException {
		return LockWatch.start(this.lock, this.lockSession.connection(), this.lockSession.backendPid(),
				this.session.connection(), this.configuration);
	}

	/**
	 * Applies the configured statement and lock timeouts to the work session, then hands the body
	 * an executor of migrations on it while the lock is watched; the watch ends before this returns
	 * (the runner releases the lock after the operation).
	 * @param preflight checks the scripts the executor reads
	 * @param body the work
	 * @return what the body returns
	 */
	<T> T executing(Preflight preflight, Executing<T> body) throws SQLException {
		StatementTimeouts.apply(this.session, this.configuration);
		try (LockWatch watch = watch()) {
			return body.run(new MigrationExecutor(this, preflight.scripts(schema()), watch), watch);
		}
	}

	/**
	 * Work that applies or dry-runs migrations with the lock watched.
	 */
	@FunctionalInterface
	interface Executing<T> {

		T run(MigrationExecutor executor, LockWatch watch) throws SQLException;

	}

}
