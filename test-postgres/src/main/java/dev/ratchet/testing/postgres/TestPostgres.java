package dev.ratchet.testing.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server that tests create their databases on: the one named by
 * {@code RATCHET_TEST_JDBC_URL} (with {@code RATCHET_TEST_JDBC_USERNAME}, default {@code postgres},
 * and {@code RATCHET_TEST_JDBC_PASSWORD}; system properties {@code ratchet.test.jdbc-url},
 * {@code …-username}, {@code …-password} take precedence), an embedded one started from
 * Maven-provided binaries and stopped when the JVM exits, or any other the caller starts. The admin
 * URL must name a database the user may connect to and create databases from ({@code CREATEDB}).
 * Shared by the test kit and Ratchet's own tests, so that both find and use a server the same way.
 */
public final class TestPostgres {

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile TestPostgres shared;

	private final String adminUrl;

	private final String username;

	private final String password;

	private final String description;

	private TestPostgres(String adminUrl, String username, String password, String kind) {
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
		try (Connection connection = connect(adminUrl); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			this.description = kind + " PostgreSQL " + result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The test PostgreSQL server (" + kind + ") is not reachable: "
					+ ex.getMessage() + ". Check RATCHET_TEST_JDBC_URL, or unset it to use an embedded server.", ex);
		}
	}

	/**
	 * Returns the server of this JVM, starting it on first use; a start that fails is tried again on
	 * the next call.
	 * @param start how to start it: for example {@link #external()}, else {@link #embedded()}
	 * @return the server
	 */
	public static TestPostgres shared(Supplier<TestPostgres> start) {
		TestPostgres server = shared;
		if (server == null) {
			synchronized (TestPostgres.class) {
				server = shared;
				if (server == null) {
					server = start.get();
					shared = server;
				}
			}
		}
		return server;
	}

	/**
	 * Returns the server the settings name, or {@code null} when they name none.
	 * @return the server, reached once to read its version
	 */
	public static TestPostgres external() {
		String url = setting("ratchet.test.jdbc-url", "RATCHET_TEST_JDBC_URL");
		if (url == null) {
			return null;
		}
		String username = setting("ratchet.test.jdbc-username", "RATCHET_TEST_JDBC_USERNAME");
		return new TestPostgres(url, (username != null) ? username : "postgres",
				setting("ratchet.test.jdbc-password", "RATCHET_TEST_JDBC_PASSWORD"), "external");
	}

	/**
	 * Starts an embedded server, stopped when the JVM exits.
	 * @return the server
	 */
	public static TestPostgres embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting and the data directory is temporary
				}
			}, "ratchet-test-postgres-stop"));
			return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, "embedded");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL: " + ex.getMessage()
					+ ". Set RATCHET_TEST_JDBC_URL to use a running server instead.", ex);
		}
	}

	/**
	 * Returns a server the caller started, for example in a container.
	 * @param adminUrl the JDBC URL of a database the user may create databases from
	 * @param username the user name
	 * @param password the password, or {@code null}
	 * @param kind what the server is, for {@link #description()}
	 * @return the server, reached once to read its version
	 */
	public static TestPostgres of(String adminUrl, String username, String password, String kind) {
		return new TestPostgres(adminUrl, username, password, kind);
	}

	/**
	 * Returns what the server is, for example {@code embedded PostgreSQL 18.1}.
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Creates a new, empty database with a name unique on the server.
	 * @param prefix the start of the name, for example {@code ratchet_test_}
	 * @return the name of the database
	 */
	public String createDatabase(String prefix) {
		String name = prefix + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		try (Connection connection = connect(this.adminUrl); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + this.description
					+ ": " + ex.getMessage(), ex);
		}
		return name;
	}

	/**
	 * Drops a database, closing any connection still open to it.
	 * @param name the database
	 */
	public void dropDatabase(String name) {
		try (Connection connection = connect(this.adminUrl); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test database " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the JDBC URL of a database on this server, with the admin URL's parameters.
	 * @param database the database
	 * @return the URL
	 */
	public String urlFor(String database) {
		int query = this.adminUrl.indexOf('?');
		String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
		String parameters = (query >= 0) ? this.adminUrl.substring(query) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
	}

	/**
	 * Opens a connection (auto-commit on) as the server's user.
	 * @param url the JDBC URL of a database on this server
	 * @return the connection
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		return DriverManager.getConnection(url, properties);
	}

	/**
	 * Returns a new DataSource, without a pool, that connects as the server's user.
	 * @param url the JDBC URL of a database on this server
	 * @return the DataSource
	 */
	public DataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(this.username);
		if (this.password != null) {
			dataSource.setPassword(this.password);
		}
		return dataSource;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	private static String setting(String property, String variable) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? null : value;
	}

}
