package dev.ratchet.testing.postgres;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A database of a {@link TestPostgres} server, dropped on {@link #close()}. The test kit's and
 * Ratchet's own test databases are this, with what each adds.
 */
public class PostgresDatabase implements AutoCloseable {

	private final TestPostgres server;

	private final String name;

	private final String url;

	/**
	 * Takes over a database the server created.
	 * @param server the server
	 * @param name the database, from {@link TestPostgres#createDatabase(String)}
	 */
	protected PostgresDatabase(TestPostgres server, String name) {
		this.server = server;
		this.name = name;
		this.url = server.urlFor(name);
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
		return this.server.dataSource(this.url);
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

}
