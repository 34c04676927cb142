package dev.ratchet.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands every call to another one; subclasses change how connections are taken
 * (the tenants' connection budget, and tests that watch or break connections).
 */
public class DelegatingDataSource implements DataSource {

	private final DataSource target;

	public DelegatingDataSource(DataSource target) {
		this.target = target;
	}

	/**
	 * Returns the DataSource every call goes to.
	 */
	protected final DataSource target() {
		return this.target;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.target.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.target.getConnection(username, password));
	}

	/**
	 * Returns the connection to hand out for one taken from the target: for a subclass that watches
	 * every connection, however it was asked for.
	 * @param connection the target's connection
	 * @return this one, by default
	 */
	protected Connection wrap(Connection connection) {
		return connection;
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.target.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.target.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.target.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.target.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.target.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.target.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.target.isWrapperFor(type);
	}

}
