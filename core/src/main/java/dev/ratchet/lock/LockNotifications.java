package dev.ratchet.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a waiter sleeps between two attempts at the lock: listening on the lock's notification
 * channel when the connection is the PostgreSQL JDBC driver's (the holder notifies on release), else
 * plainly sleeping until the next poll.
 */
abstract class LockNotifications implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LockNotifications.class);

	private static final boolean PGJDBC = present("org.postgresql.PGConnection");

	/**
	 * Starts listening on the channel, when the driver can.
	 * @param connection the lock connection, in auto-commit mode
	 * @param channel the channel
	 * @return how to wait from now on
	 * @throws SQLException when {@code LISTEN} fails
	 */
	static LockNotifications listen(Connection connection, String channel) throws SQLException {
		if (PGJDBC && connection.isWrapperFor(PGConnection.class)) {
			return new Listening(connection, channel);
		}
		return new Sleeping();
	}

	/**
	 * Waits until a notification arrives or the time is up.
	 * @param millis the longest wait
	 * @throws SQLException on a database error
	 * @throws InterruptedException when interrupted
	 */
	abstract void await(long millis) throws SQLException, InterruptedException;

	/**
	 * Stops listening. Failures are logged, not thrown: the lock attempt's outcome matters more.
	 */
	@Override
	public abstract void close();

	private static boolean present(String className) {
		try {
			Class.forName(className, false, LockNotifications.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static final class Sleeping extends LockNotifications {

		@Override
		void await(long millis) throws InterruptedException {
			Thread.sleep(millis);
		}

		@Override
		public void close() {
		}

	}

	private static final class Listening extends LockNotifications {

		private final Connection connection;

		private final PGConnection pg;

		private final String channel;

		Listening(Connection connection, String channel) throws SQLException {
			this.connection = connection;
			this.pg = connection.unwrap(PGConnection.class);
			this.channel = channel;
			try (Statement statement = connection.createStatement()) {
				// The channel is made here of fixed text and hex digits; quoting keeps it exact.
				statement.execute("LISTEN \"" + channel + "\"");
			}
		}

		@Override
		void await(long millis) throws SQLException {
			// Returns as soon as a notification arrives; at most the time given otherwise.
			this.pg.getNotifications((int) Math.min(Integer.MAX_VALUE, Math.max(1, millis)));
		}

		@Override
		public void close() {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("UNLISTEN \"" + this.channel + "\"");
				// Drop what arrived meanwhile, so a pooled connection carries nothing on.
				this.pg.getNotifications();
			}
			catch (SQLException ex) {
				logger.debug("Could not stop listening on {}", this.channel, ex);
			}
		}

	}

}
