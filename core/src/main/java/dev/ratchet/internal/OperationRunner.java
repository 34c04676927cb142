package dev.ratchet.internal;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationEvent.RunStarted;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.lock.AdvisoryLock;

/**
 * The one locked-run path every operation takes: open the sessions, check for a pooler, take the
 * lock, run, release the lock whatever happened, and map database errors. A {@code migrate} run
 * also publishes its started event and exactly one completed or failed event, whatever is thrown.
 * @param configuration the configuration
 * @param events where the runs' events go
 */
record OperationRunner(RatchetConfiguration configuration, Events events) {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	/**
	 * Runs an operation under the lock, waiting for it as long as configured.
	 */
	<T> T run(LockedOperation<T> operation) {
		try (Session session = operation.open(this)) {
			return locked(session, standardWait(), operation::run);
		}
		catch (SQLException ex) {
			throw operation.failed(ex);
		}
	}

	/**
	 * Takes the lock for the work session's target on a lock session of its own, runs the body and
	 * releases the lock, in every outcome (the body closes its {@link LockWatch} before it returns, so
	 * nothing uses the lock session while the lock is released on it).
	 * @return the body's result, or {@code null} when the request's {@code done} gave up the wait
	 */
	<T> T locked(Session session, LockRequest request, Body<T> body) throws SQLException {
		return locked(session, null, request, body);
	}

	/**
	 * As {@link #locked(Session, LockRequest, Body)}, but taking the lock on the tenants' shared lock
	 * session when one is given, so the run holds no connection of its own for its lock.
	 */
	<T> T locked(Session session, SharedLockSession shared, LockRequest request, Body<T> body) throws SQLException {
		if (shared != null) {
			return holding(session, shared.session(session), shared, request, body);
		}
		try (Session lockSession = open("lock")) {
			PoolerCheck.verify(lockSession, session, this.configuration.getPoolerPolicy());
			return holding(session, lockSession, null, request, body);
		}
	}

	private <T> T holding(Session session, Session lockSession, SharedLockSession shared, LockRequest request,
			Body<T> body) throws SQLException {
		RunTarget target = target(session);
		long start = System.nanoTime();
		AdvisoryLock lock = (shared != null) ? shared.acquire(lockSession, target, request)
				: acquire(lockSession, target, request);
		if (lock == null) {
			return null;
		}
		Duration waited = elapsed(start);
		this.events.publish(new MigrationEvent.LockAcquired(waited));
		try {
			return body.run(new Run(this.configuration, this.events, session, lockSession, lock, target, waited));
		}
		finally {
			if (shared != null) {
				shared.release(lock);
			}
			else {
				release(lock);
			}
		}
	}

	/**
	 * Publishes a run's started event, then exactly one completed or failed event, whatever the
	 * body throws; an {@link Error} is reported as a failure and rethrown as it is.
	 * @param background whether it is a background run
	 * @param start when the run started ({@link System#nanoTime()})
	 * @param body the run
	 * @return the body's result
	 */
	MigrateResult reported(boolean background, long start, Reported body) {
		this.events.publish(new RunStarted(background));
		MigrateResult result;
		try {
			result = body.run();
		}
		catch (SQLException ex) {
			throw failed(databaseError("migrate", ex), start);
		}
		catch (RatchetException ex) {
			throw failed(ex, start);
		}
		catch (RuntimeException | Error ex) {
			failed(new RatchetException("The run ended with " + ex, ex), start);
			throw ex;
		}
		this.events.publish(new MigrationEvent.RunCompleted(result));
		return result;
	}

	Session open(String role) {
		return Session.open(this.configuration.getDataSource(), role, this.configuration.getSchema());
	}

	RunTarget target(Session session) {
		return new RunTarget(session.schema(), this.configuration.getTable());
	}

	LockRequest standardWait() {
		return LockRequest.standard(this.configuration.getLockWaitTimeout(), this.events);
	}

	static RatchetException databaseError(String action, SQLException ex) {
		String hint = ErrorHints.hint(ex.getSQLState(), SqlErrors.parse(ex).message());
		return new DatabaseConnectionException("Ratchet could not " + action + ": " + SqlErrors.describe(ex)
				+ ((hint != null) ? ". " + hint : ""), ex);
	}

	static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private AdvisoryLock acquire(Session lockSession, RunTarget target, LockRequest request) throws SQLException {
		try {
			return AdvisoryLock.acquire(lockSession.connection(), target.lockKey(), request.timeout(), request.waiting(),
					request.done());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RatchetException("Interrupted while waiting for the migration lock", ex);
		}
	}

	private RatchetException failed(RatchetException ex, long start) {
		this.events.publish(new MigrationEvent.RunFailed(ex, elapsed(start)));
		return ex;
	}

	private static void release(AdvisoryLock lock) {
		try {
			lock.close();
		}
		catch (SQLException ex) {
			// Closing the session ends it, and PostgreSQL releases the lock with it.
			logger.debug("Could not release the migration lock explicitly", ex);
		}
	}

	/**
	 * Work done with a locked run.
	 */
	@FunctionalInterface
	interface Body<T> {

		T run(Run run) throws SQLException;

	}

	/**
	 * A {@code migrate} run, whose events {@link #reported} publishes.
	 */
	@FunctionalInterface
	interface Reported {

		MigrateResult run() throws SQLException;

	}

}
