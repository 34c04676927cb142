package dev.ratchet.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.PoolerPolicy;
import dev.ratchet.RatchetException;
import dev.ratchet.lock.AdvisoryLock;

/**
 * One lock session for a whole tenants' run: it takes, holds and releases the advisory lock of every
 * tenant schema of one database, so that each tenant's run needs one connection (its work session)
 * and the run holds at most parallelism + 1 connections.
 * <p>
 * Why the guarantees of a run with a lock session of its own still hold:
 * <ul>
 * <li>Mutual exclusion between instances: the tenant's lock is a session-level advisory lock on its
 * own key, taken with {@code pg_try_advisory_lock} by this session; another instance's session cannot
 * take it until this one releases it or ends. Within this instance, advisory locks being re-entrant
 * per session, the same key is refused a second time while held here (a tenant never runs twice at
 * once in one run).</li>
 * <li>The check before each commit: the commit guard that rides on the migration's COMMIT asks
 * whether the backend of <em>this</em> session (its pid) holds <em>that tenant's</em> key, which is
 * exactly the condition for the tenant being locked by this run; {@link LockWatch#verifyLockHeld()}
 * asks the same on this session. If this session breaks, PostgreSQL ends its backend and drops every
 * lock it held, so every tenant whose commit comes after fails its guard and rolls back, each with
 * the lost-lock error; tenants not yet locked fail when they try to take the lock.</li>
 * <li>Release in every outcome: each tenant's lock is released when its run ends, whatever happened;
 * {@link #close()} releases whatever is left ({@code pg_advisory_unlock_all}) before the connection
 * goes back to its pool, and ending the session would release it anyway.</li>
 * </ul>
 * Threads share the connection; every query on it is synchronized on the connection (here, in
 * {@link AdvisoryLock} and in {@link LockWatch}), and a waiter sleeps between its polls instead of
 * listening, so one tenant waiting for another instance never holds the connection up for the others.
 */
public final class SharedLockSession implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final DataSource dataSource;

	private final String schema;

	private final PoolerPolicy poolerPolicy;

	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private Session session;

	private boolean checked;

	/**
	 * Creates the shared session; it connects when the first tenant needs it.
	 * @param dataSource the database of the tenant schemas
	 * @param schema the schema for the session's {@code search_path}, or {@code null} for the current one
	 * @param poolerPolicy what to do when a transaction pooler shows
	 */
	public SharedLockSession(DataSource dataSource, String schema, PoolerPolicy poolerPolicy) {
		this.dataSource = dataSource;
		this.schema = schema;
		this.poolerPolicy = poolerPolicy;
	}

	/**
	 * Connects now, before the tenants' work sessions take the rest of the connection budget.
	 */
	public synchronized void open() {
		if (this.session == null) {
			this.session = Session.open(this.dataSource, "lock", this.schema);
		}
	}

	/**
	 * Returns the session, opening it on first use and checking it once against a work session for a
	 * transaction pooler.
	 */
	synchronized Session session(Session work) throws SQLException {
		open();
		if (!this.checked) {
			synchronized (this.session.connection()) {
				PoolerCheck.verify(this.session, work, this.poolerPolicy);
			}
			this.checked = true;
		}
		return this.session;
	}

	/**
	 * Takes one tenant's lock on the shared session, waiting as the request says.
	 * @return the lock, or {@code null} when the request's {@code done} gave up the wait
	 */
	AdvisoryLock acquire(Session lockSession, RunTarget target, LockRequest request) throws SQLException {
		long key = target.lockKey();
		if (!this.held.add(key)) {
			throw new RatchetException("Tenant schema \"" + target.schema() + "\" is being migrated by this run already; "
					+ "a tenant is run once at a time.");
		}
		boolean taken = false;
		try {
			AdvisoryLock lock = AdvisoryLock.acquireShared(lockSession.connection(), key, request.timeout(),
					request.waiting(), request.done());
			taken = lock != null;
			return lock;
		}
		catch (SQLException ex) {
			throw new RatchetException("Ratchet could not take the lock of tenant schema \"" + target.schema()
					+ "\": the tenants' shared lock session (backend pid " + lockSession.backendPid() + ") failed ("
					+ SqlErrors.describe(ex) + "). The tenant was not migrated; run the migration again.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RatchetException("Interrupted while waiting for the lock of tenant schema \"" + target.schema()
					+ "\"", ex);
		}
		finally {
			if (!taken) {
				this.held.remove(key);
			}
		}
	}

	/**
	 * Releases one tenant's lock; a failure is logged (closing the session releases it anyway).
	 */
	void release(AdvisoryLock lock) {
		try {
			lock.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not release a tenant's migration lock explicitly", ex);
		}
		finally {
			this.held.remove(lock.key());
		}
	}

	/**
	 * Releases every lock still held and gives the connection back.
	 */
	@Override
	public synchronized void close() {
		if (this.session == null) {
			return;
		}
		synchronized (this.session.connection()) {
			try (Statement statement = this.session.connection().createStatement()) {
				// Normally nothing is left; a release that failed must not go back to the pool with its lock.
				statement.execute("SELECT pg_advisory_unlock_all()");
			}
			catch (SQLException ex) {
				logger.debug("Could not release the tenants' migration locks explicitly", ex);
			}
			this.session.close();
		}
		this.session = null;
	}

}
