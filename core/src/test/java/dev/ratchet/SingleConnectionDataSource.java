package dev.ratchet;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out one connection whose close() does nothing, like a pool of one:
 * lets a test see what Ratchet leaves behind on a pooled connection.
 */
final class SingleConnectionDataSource implements DataSource {

	private final Connection connection;

	private final Connection handle;

	SingleConnectionDataSource(Connection connection) {
		this.connection = connection;
		this.handle = unclosable(connection);
	}

	/**
	 * Returns a view of a connection whose close() does nothing, as a pool's handle.
	 */
	static Connection unclosable(Connection connection) {
		return (Connection) Proxy.newProxyInstance(SingleConnectionDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close")) {
						return null;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (java.lang.reflect.InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	Connection connection() {
		return this.connection;
	}

	@Override
	public Connection getConnection() {
		return this.handle;
	}

	@Override
	public Connection getConnection(String username, String password) {
		return this.handle;
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> iface) {
		throw new UnsupportedOperationException();
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

}
