package dev.ratchet.tenant;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.ratchet.internal.DelegatingDataSource;

/**
 * Bounds the connections the tenants' runs hold at once, whatever DataSource they come from, to
 * parallelism + 1. The tenant schemas' runs hold one each (their work session) beside the one lock
 * session they share, taken before them. A tenant with a database of its own holds two (its work
 * session and its lock session); those run once the shared lock session is closed, and with one
 * thread per permit but one, some run can always take its second connection, so the budget never
 * deadlocks.
 */
final class ConnectionBudget {

	private final Semaphore permits;

	private final int size;

	private final Duration wait;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	ConnectionBudget(int size, Duration wait) {
		this.permits = new Semaphore(size, true);
		this.size = size;
		this.wait = wait;
	}

	/**
	 * Returns the most connections held at once so far.
	 */
	int peak() {
		return this.peak.get();
	}

	DataSource wrap(DataSource dataSource) {
		return new Bounded(dataSource);
	}

	private Connection take(DataSource dataSource) throws SQLException {
		try {
			if (!this.permits.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SQLException("No connection became free in the tenants' budget of " + this.size + " within "
						+ this.wait + " (ratchet.tenants.parallelism bounds it)", "08004");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting for a connection", "08004", ex);
		}
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			this.permits.release();
			throw ex;
		}
		this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
		AtomicBoolean closed = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(ConnectionBudget.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0 && closed.compareAndSet(false, true)) {
						this.open.decrementAndGet();
						this.permits.release();
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private final class Bounded extends DelegatingDataSource {

		Bounded(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return take(target());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLFeatureNotSupportedException("Tenants use the connections of their DataSource");
		}

	}

}
