package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.lock.AdvisoryLock;

/**
 * Keeps an eye on the migration from the session that holds the migration lock. While a statement
 * runs longer than a moment, it notes which sessions block it ({@code pg_blocking_pids}), so that a
 * statement that gave up waiting for a lock can name who held it. Before a migration commits, it
 * checks that the lock is still held, so an instance that lost its lock session never records a
 * migration another instance may be applying too. The lock session is used for nothing else than
 * holding locks and these checks; every use of it is serialized on its connection, since the tenants'
 * runs share one lock session (see {@link SharedLockSession}).
 */
final class LockWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LockWatch.class);

	private static final String BLOCKERS = """
			SELECT a.pid, a.application_name, a.usename, a.client_addr::text, a.state, a.xact_start, a.query_start
			FROM pg_stat_activity a
			WHERE a.pid = ANY (pg_blocking_pids(?))
			ORDER BY a.xact_start NULLS LAST, a.pid""";

	private static final Duration POLL = Duration.ofMillis(100);

	private final AdvisoryLock lock;

	private final Connection lockConnection;

	private final int lockPid;

	private final int watchedPid;

	private final Duration firstLook;

	private final ScheduledExecutorService scheduler;

	private volatile String blockers;

	private boolean closed;

	private LockWatch(AdvisoryLock lock, Connection lockConnection, int lockPid, int watchedPid, Duration timeout) {
		this.lock = lock;
		this.lockConnection = lockConnection;
		this.lockPid = lockPid;
		this.watchedPid = watchedPid;
		this.firstLook = (timeout != null) ? min(POLL, timeout.dividedBy(2)) : null;
		this.scheduler = (timeout != null) ? scheduler() : null;
	}

	private static ScheduledExecutorService scheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "ratchet-lock-watch");
			thread.setDaemon(true);
			return thread;
		});
		// Nearly every statement ends before its first look: its cancelled look leaves the queue at once
		// rather than waking the thread when it falls due, once per statement.
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	/**
	 * Starts watching.
	 * @param lock the held migration lock
	 * @param lockConnection the connection holding it
	 * @param lockPid the backend pid of that connection
	 * @param migrationConnection the connection migrations run on
	 * @param configuration the configuration: without a lock or statement timeout, statements wait as
	 * long as it takes and are not watched; only the lock is checked
	 * @return the watch; close it when the run ends
	 * @throws SQLException on a database error
	 */
	static LockWatch start(AdvisoryLock lock, Connection lockConnection, int lockPid, Connection migrationConnection,
			RatchetConfiguration configuration) throws SQLException {
		Duration timeout = configuration.getLockTimeout();
		Duration statementTimeout = configuration.getStatementTimeout();
		if (timeout == null || (statementTimeout != null && statementTimeout.compareTo(timeout) < 0)) {
			timeout = statementTimeout;
		}
		int pid = 0;
		if (timeout != null) {
			try (PreparedStatement statement = migrationConnection.prepareStatement("SELECT pg_backend_pid()");
					ResultSet rs = statement.executeQuery()) {
				rs.next();
				pid = rs.getInt(1);
			}
		}
		return new LockWatch(lock, lockConnection, lockPid, pid, timeout);
	}

	/**
	 * Runs a statement, noting who blocks it while it runs.
	 */
	void run(SqlAction action) throws SQLException {
		this.blockers = null;
		if (this.scheduler == null) {
			action.run();
			return;
		}
		ScheduledFuture<?> poll = this.scheduler.scheduleWithFixedDelay(this::look, this.firstLook.toMillis(),
				POLL.toMillis(), TimeUnit.MILLISECONDS);
		try {
			action.run();
		}
		finally {
			poll.cancel(false);
			synchronized (this) {
				// Waits for a look in progress, so the lock session is free again.
			}
		}
	}

	/**
	 * Returns how many looks are scheduled: none between statements.
	 */
	int scheduledLooks() {
		return (this.scheduler != null) ? ((ScheduledThreadPoolExecutor) this.scheduler).getQueue().size() : 0;
	}

	/**
	 * Describes the sessions that blocked the last statement, or returns {@code null} if none was seen.
	 */
	String blockers() {
		return this.blockers;
	}

	/**
	 * Checks that the migration lock is still held.
	 * @throws RatchetException if it is not, or the lock session broke
	 */
	synchronized void verifyLockHeld() {
		boolean held;
		try {
			held = this.lock.isHeld();
		}
		catch (SQLException ex) {
			throw new RatchetException("Ratchet lost the migration lock: the connection holding it broke ("
					+ SqlErrors.describe(ex) + "). Without the lock another instance may be migrating, so this "
					+ "migration is not committed.", ex);
		}
		if (!held) {
			throw new RatchetException("Ratchet lost the migration lock: its session no longer holds it (was it "
					+ "released or the session reset by something else?). Without the lock another instance may be "
					+ "migrating, so this migration is not committed.");
		}
	}

	/**
	 * Returns an integer expression for the migration session's commit to carry, in the same round
	 * trip: 0 while the lock session still holds the lock, else it fails the statement with
	 * {@link AdvisoryLock#isNotHeld}.
	 */
	String commitGuard() {
		return this.lock.guard(this.lockPid);
	}

	/**
	 * Returns the failure to report when {@link #commitGuard()} failed.
	 */
	RatchetException lockLost(SQLException guardFailure) {
		return new RatchetException("Ratchet lost the migration lock: the session that took it (backend pid "
				+ this.lockPid + ") no longer holds it; the connection holding it broke, or something released the "
				+ "lock or ended that session. Without the lock another instance may be migrating, so this migration "
				+ "is not committed.", guardFailure);
	}

	private synchronized void look() {
		if (this.closed) {
			return;
		}
		// Synchronized on the connection as AdvisoryLock is: the tenants' runs share one lock session.
		synchronized (this.lockConnection) {
			look(this.lockConnection);
		}
	}

	private void look(Connection connection) {
		try (PreparedStatement statement = connection.prepareStatement(BLOCKERS)) {
			statement.setInt(1, this.watchedPid);
			try (ResultSet rs = statement.executeQuery()) {
				List<String> sessions = new ArrayList<>();
				while (rs.next()) {
					sessions.add(describe(rs));
				}
				if (!sessions.isEmpty()) {
					this.blockers = String.join("; ", sessions);
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not look up the sessions blocking the migration", ex);
		}
	}

	private static String describe(ResultSet rs) throws SQLException {
		// The blocker's query text is left out on purpose: it may hold anything, a password included.
		String client = rs.getString(4);
		return "pid " + rs.getInt(1) + " (application \"" + rs.getString(2) + "\", user " + rs.getString(3)
				+ ", client " + ((client != null) ? client : "local socket") + ", " + rs.getString(5)
				+ ", transaction started " + instant(rs.getTimestamp(6)) + ", last query started "
				+ instant(rs.getTimestamp(7)) + ")";
	}

	private static String instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant().toString() : "unknown";
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * Stops watching. Once it returns, the watch never uses the lock session again: a look in
	 * progress is waited for, and a look about to start finds the watch closed. The lock may then be
	 * released on that session.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	/**
	 * A statement to run.
	 */
	@FunctionalInterface
	interface SqlAction {

		void run() throws SQLException;

	}

}
