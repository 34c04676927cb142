package dev.ratchet.testing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the test {@link PostgresServer}, created empty and dropped on {@link #close()}.
 */
public final class Database implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	private final String url;

	Database(PostgresServer server, String name, String url) {
		this.server = server;
		this.name = name;
		this.url = url;
	}

	/**
	 * Returns the database name.
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the JDBC URL of this database.
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Returns the user name to connect with.
	 */
	public String username() {
		return this.server.username();
	}

	/**
	 * Returns the password to connect with, or {@code null} when none is needed.
	 */
	public String password() {
		return this.server.password();
	}

	/**
	 * Returns a new DataSource for this database, without a pool.
	 */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.url);
		dataSource.setUser(username());
		if (password() != null) {
			dataSource.setPassword(password());
		}
		return dataSource;
	}

	/**
	 * Opens a connection (auto-commit on).
	 * @return the connection
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect() throws SQLException {
		return this.server.connect(this.url);
	}

	/**
	 * Drops the database, closing any connection still open to it.
	 */
	@Override
	public void close() {
		this.server.dropDatabase(this.name);
	}

	@Override
	public String toString() {
		return "database " + this.name;
	}

}
