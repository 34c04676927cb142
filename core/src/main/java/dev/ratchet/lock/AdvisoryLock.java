package dev.ratchet.lock;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

import dev.ratchet.LockHolder;
import dev.ratchet.LockTimeoutException;

/**
 * A PostgreSQL session-level advisory lock, one per history table, held on a connection of its
 * own. Taken by polling {@code pg_try_advisory_lock} (so the connection never sits in a blocked
 * query or an open transaction, and {@code CREATE INDEX CONCURRENTLY} on another connection cannot
 * deadlock against it). A waiter listens on the lock's notification channel between polls (with the
 * PostgreSQL JDBC driver), and the holder notifies it on release, so waiters follow within a round
 * trip instead of a poll interval. PostgreSQL releases the lock when the session ends, so a crashed
 * process never leaves it stuck.
 * <p>
 * Over 300 lines on purpose: taking the lock, finding who holds it, the commit guard, the re-check
 * and the release are one protocol, kept in one class so that its invariants read in one place;
 * a third of the lines say why each step is as it is.
 */
public final class AdvisoryLock implements AutoCloseable {

	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";

	// Waiters LISTEN on the lock's channel while they wait, so the release wakes them at once
	// rather than at their next poll; the notification is sent at the end of this statement.
	private static final String UNLOCK = "SELECT pg_advisory_unlock(?), pg_notify(?, '')";

	// Advisory locks belong to a database: the same key in another database is another lock.
	// pg_stat_get_activity(pid) rather than the pg_stat_activity view: planning the view's joins
	// costs several times more than running the query, and health checks and the endpoint ask often.
	private static final String HOLDER = """
			SELECT a.pid, a.application_name, host(a.client_addr), pg_get_userbyid(a.usesysid), a.state_change
			FROM pg_locks l, LATERAL pg_stat_get_activity(l.pid) a
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
			  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			  AND l.classid::bigint = %CLASSID% AND l.objid::bigint = %OBJID%
			LIMIT 1""";

	private static final String HELD = """
			SELECT EXISTS (SELECT 1 FROM pg_locks
			               WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = pg_backend_pid()
			                 AND classid::bigint = ? AND objid::bigint = ?)""";

	// Sent by another session of the same database with the work it is about to commit, so the check
	// rides on that round trip; if it fails, PostgreSQL skips the rest of what was sent with it. Kept
	// cheap for the server, which parses and plans it again after every migration (PgJDBC drops its
	// prepared statements whenever a CREATE, ALTER or DROP completes: flushCacheOnDdl): an expression that the commit's own statement can carry (one statement fewer to
	// parse, plan and answer), not a DO block, which is compiled on every call; pg_lock_status() rather
	// than the pg_locks view; no database filter, as a backend pid belongs to one database. It is 0
	// while the lock is held. Plain SQL cannot raise an error of its own, so a cast that cannot succeed
	// raises one, quoting the marker; the cast applies to the CASE, which is not constant, so it runs
	// when the statement does, not when the server plans it.
	private static final String GUARD = """
			(CASE WHEN EXISTS (SELECT FROM pg_lock_status() l
			                   WHERE l.pid = %PID% AND l.locktype = 'advisory' AND l.classid = '%CLASSID%'
			                     AND l.objid = '%OBJID%' AND l.objsubid = 1 AND l.granted)
			      THEN '0' ELSE '%MARKER%' END)::int""";

	private static final String NOT_HELD_MARKER = "ratchet: the migration lock is no longer held";

	private static final long FIRST_POLL_MILLIS = 25;

	// Waiters poll at most this far apart, so when the holder is done they follow within a fifth of a
	// second; a waiting instance costs five trivial queries a second.
	private static final long MAX_POLL_MILLIS = 200;

	private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Returns the lock key for a history table: a stable 64-bit hash of its qualified name.
	 * @param schema the schema
	 * @param table the table
	 * @return the key
	 */
	public static long keyFor(String schema, String table) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : ("ratchet:" + schema + "." + table).getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/**
	 * Takes the lock, waiting up to the timeout while another session holds it.
	 * @param connection a connection in auto-commit mode, used for nothing else while the lock is held
	 * @param key the lock key
	 * @param timeout how long to wait
	 * @param waiting told who holds the lock when waiting starts and every 10 seconds after
	 * @return the held lock; close it to release
	 * @throws SQLException on a database error
	 * @throws LockTimeoutException when the wait exceeds the timeout
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public static AdvisoryLock acquire(Connection connection, long key, Duration timeout,
			BiConsumer<String, Duration> waiting) throws SQLException, InterruptedException {
		return acquire(connection, key, timeout, waiting, () -> false);
	}

	/**
	 * Takes the lock, waiting up to the timeout while another session holds it, unless the work
	 * that needs it is done meanwhile (by the holder, typically).
	 * @param connection a connection in auto-commit mode, used for nothing else while the lock is held
	 * @param key the lock key
	 * @param timeout how long to wait
	 * @param waiting told who holds the lock when waiting starts and every 10 seconds after
	 * @param done asked after every wait whether the lock is still needed
	 * @return the held lock, to be closed to release it; or {@code null} when {@code done} said the
	 * lock is no longer needed
	 * @throws SQLException on a database error
	 * @throws LockTimeoutException when the wait exceeds the timeout
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public static AdvisoryLock acquire(Connection connection, long key, Duration timeout,
			BiConsumer<String, Duration> waiting, Done done) throws SQLException, InterruptedException {
		return acquire(connection, key, timeout, waiting, done, true);
	}

	/**
	 * Takes the lock on a connection that holds the locks of several runs at once, used by several
	 * threads (the tenants' shared lock session): as {@link #acquire(Connection, long, Duration,
	 * BiConsumer, Done)}, but the waiter sleeps between polls instead of listening for the release, so
	 * it never blocks the connection for the others, and every query it sends is serialized with the
	 * other users of the connection (they synchronize on the connection, as this class does).
	 * @param connection the shared connection, in auto-commit mode
	 * @param key the lock key
	 * @param timeout how long to wait
	 * @param waiting told who holds the lock when waiting starts and every 10 seconds after
	 * @param done asked after every wait whether the lock is still needed
	 * @return the held lock, or {@code null} when {@code done} said it is no longer needed
	 * @throws SQLException on a database error
	 * @throws LockTimeoutException when the wait exceeds the timeout
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public static AdvisoryLock acquireShared(Connection connection, long key, Duration timeout,
			BiConsumer<String, Duration> waiting, Done done) throws SQLException, InterruptedException {
		return acquire(connection, key, timeout, waiting, done, false);
	}

	private static AdvisoryLock acquire(Connection connection, long key, Duration timeout,
			BiConsumer<String, Duration> waiting, Done done, boolean listen) throws SQLException, InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start;
		long pause = FIRST_POLL_MILLIS;
		LockNotifications notifications = null;
		try {
			while (!tryLock(connection, key)) {
				long now = System.nanoTime();
				if (now >= nextReport) {
					waiting.accept(holder(connection, key), Duration.ofNanos(now - start));
					nextReport = now + REPORT_EVERY_NANOS;
				}
				if (now >= deadline) {
					String holder = holder(connection, key);
					throw new LockTimeoutException("Timed out after " + timeout + " waiting for the migration lock, held by "
							+ holder + ". Another instance is migrating, or a session holds the lock: wait for it to finish, "
							+ "end that session (SELECT pg_terminate_backend(pid)), or raise ratchet.lock.wait-timeout.",
							holder);
				}
				if (notifications == null && listen) {
					// Listening from now on; a release just before is caught by trying again at once.
					notifications = LockNotifications.listen(connection, channel(key));
					continue;
				}
				// Jitter keeps instances that started together from polling in lock-step.
				long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
				long wait = Math.max(1, Math.min(jittered, (deadline - now) / 1_000_000 + 1));
				if (notifications != null) {
					notifications.await(wait);
				}
				else {
					Thread.sleep(wait);
				}
				if (Thread.interrupted()) {
					throw new InterruptedException("Interrupted while waiting for the migration lock");
				}
				pause = Math.min(pause * 2, MAX_POLL_MILLIS);
				if (done.done()) {
					return null;
				}
			}
			return new AdvisoryLock(connection, key);
		}
		finally {
			if (notifications != null) {
				notifications.close();
			}
		}
	}

	/**
	 * Tells a waiter whether it still needs the lock.
	 */
	@FunctionalInterface
	public interface Done {

		/**
		 * Returns whether the work that needs the lock has been done meanwhile.
		 * @return whether to stop waiting
		 * @throws SQLException on a database error
		 */
		boolean done() throws SQLException;

	}

	/**
	 * Returns the notification channel the holder of a lock notifies on release.
	 * @param key the lock key
	 * @return the channel name
	 */
	static String channel(long key) {
		return "ratchet_lock_" + Long.toHexString(key);
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		// Every use of a lock connection is synchronized on it: a shared one serves several threads.
		synchronized (connection) {
			try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
				statement.setLong(1, key);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getBoolean(1);
				}
			}
		}
	}

	/**
	 * Describes the session holding the lock, or returns {@code null} if none does.
	 * @param connection any connection to the database
	 * @param key the lock key
	 * @return for example {@code pid 4242 (application "ratchet lock host:77", client 10.0.0.5, user app, since 2026-11-21T09:00:00Z)}
	 * @throws SQLException on a database error
	 */
	public static String holder(Connection connection, long key) throws SQLException {
		LockHolder holder = findHolder(connection, key);
		return (holder != null) ? holder.toString() : null;
	}

	/**
	 * Finds the session holding the lock.
	 * @param connection any connection to the database
	 * @param key the lock key
	 * @return the holder, or {@code null} if the lock is free
	 * @throws SQLException on a database error
	 */
	public static LockHolder findHolder(Connection connection, long key) throws SQLException {
		synchronized (connection) {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(holderQuery(key))) {
				return readHolder(rs);
			}
		}
	}

	/**
	 * Returns an integer expression for another session's statement to carry with the work it is
	 * about to commit, so the check costs no round trip of its own: it is 0 while the session with the
	 * given backend pid holds this lock, and fails the statement otherwise (see
	 * {@link #isNotHeld(SQLException)}).
	 * @param holderPid the backend pid of the session that took the lock
	 * @return the expression
	 */
	public String guard(int holderPid) {
		// Every value written into the text is a number computed here (or a constant).
		return GUARD.replace("%PID%", Integer.toString(holderPid))
			.replace("%CLASSID%", Long.toString((this.key >>> 32) & 0xffffffffL))
			.replace("%OBJID%", Long.toString(this.key & 0xffffffffL))
			.replace("%MARKER%", NOT_HELD_MARKER);
	}

	/**
	 * Returns whether a failure is that of a {@link #guard(int) guard}: the lock was not held.
	 * @param failure what the statement carrying the guard failed with
	 * @return whether the guard raised it
	 */
	public static boolean isNotHeld(SQLException failure) {
		// invalid_text_representation, quoting the marker that no other statement sends
		return "22P02".equals(failure.getSQLState()) && failure.getMessage() != null
				&& failure.getMessage().contains(NOT_HELD_MARKER);
	}

	/**
	 * Returns whether this session still holds the lock.
	 * @return whether it does
	 * @throws SQLException on a database error, for example when the session's connection broke
	 */
	public boolean isHeld() throws SQLException {
		synchronized (this.connection) {
			try (PreparedStatement statement = this.connection.prepareStatement(HELD)) {
				statement.setLong(1, (this.key >>> 32) & 0xffffffffL);
				statement.setLong(2, this.key & 0xffffffffL);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getBoolean(1);
				}
			}
		}
	}

	/**
	 * Returns the query that finds the session holding the lock, the key written into it, for a
	 * caller that sends it together with other queries.
	 * @param key the lock key
	 * @return the query; read its result with {@link #readHolder(ResultSet)}
	 */
	public static String holderQuery(long key) {
		// The two halves of the key are numbers computed here, so writing them into the text is safe.
		return HOLDER.replace("%CLASSID%", Long.toString((key >>> 32) & 0xffffffffL))
			.replace("%OBJID%", Long.toString(key & 0xffffffffL));
	}

	/**
	 * Reads the result of {@link #holderQuery(long)}.
	 * @param rs the result
	 * @return the holder, or {@code null} if the lock is free
	 * @throws SQLException on a database error
	 */
	public static LockHolder readHolder(ResultSet rs) throws SQLException {
		if (!rs.next()) {
			return null;
		}
		Timestamp since = rs.getTimestamp(5);
		return new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
				(since != null) ? since.toInstant() : null);
	}

	/**
	 * Releases the lock. The connection stays open; the caller closes it.
	 * @throws SQLException on a database error
	 */
	@Override
	public void close() throws SQLException {
		synchronized (this.connection) {
			try (PreparedStatement statement = this.connection.prepareStatement(UNLOCK)) {
				statement.setLong(1, this.key);
				statement.setString(2, channel(this.key));
				statement.execute();
			}
		}
	}

	/**
	 * Returns the lock's key.
	 * @return the key
	 */
	public long key() {
		return this.key;
	}

}
