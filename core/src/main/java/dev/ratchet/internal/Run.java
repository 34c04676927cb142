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

	/**
	 * Starts watching the lock and the statements of the work session; close the watch before the
	 * run ends (the runner releases the lock after the operation returns).
	 */
	LockWatch watch() throws SQLException {
		return LockWatch.start(this.lock, this.lockSession.connection(), this.lockSession.backendPid(),
				this.session.connection(), this.configuration);
	}

	/**
	 * Applies the configured statement and lock timeouts to the work session.
	 */
	void applyTimeouts() throws SQLException {
		StatementTimeouts.apply(this.session, this.configuration);
	}

}
