package dev.ratchet.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server tests create their databases on, one per JVM: the server named by
 * {@code RATCHET_TEST_JDBC_URL} (with {@code RATCHET_TEST_JDBC_USERNAME}, default {@code postgres},
 * and {@code RATCHET_TEST_JDBC_PASSWORD}; system properties {@code ratchet.test.jdbc-url},
 * {@code …-username}, {@code …-password} take precedence) when set, for example a CI service
 * container; otherwise an embedded PostgreSQL started from Maven-provided binaries on first use and
 * stopped when the JVM exits. The URL must name a database the user may connect to and create
 * databases from ({@code CREATEDB}).
 */
public final class PostgresServer {

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile PostgresServer shared;

	private final String adminUrl;

	private final String username;

	private final String password;

	private final String description;

	private PostgresServer(String adminUrl, String username, String password, String kind) {
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
	 * Returns the server of this JVM, starting it on first use.
	 * @return the server
	 */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (PostgresServer.class) {
				server = shared;
				if (server == null) {
					server = start();
					shared = server;
				}
			}
		}
		return server;
	}

	/**
	 * Creates a new, empty database.
	 * @return the database; close it to drop it
	 */
	public Database createDatabase() {
		String name = "ratchet_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		try (Connection connection = connect(this.adminUrl); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + this.description
					+ ": " + ex.getMessage(), ex);
		}
		return new Database(this, name, urlFor(name));
	}

	/**
	 * Returns what the server is, for example {@code embedded PostgreSQL 18.1}.
	 */
	public String description() {
		return this.description;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	void dropDatabase(String name) {
		try (Connection connection = connect(this.adminUrl); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test database " + name + ": " + ex.getMessage(), ex);
		}
	}

	Connection connect(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		return DriverManager.getConnection(url, properties);
	}

	private String urlFor(String database) {
		int query = this.adminUrl.indexOf('?');
		String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
		String parameters = (query >= 0) ? this.adminUrl.substring(query) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
	}

	private static PostgresServer start() {
		String url = setting("ratchet.test.jdbc-url", "RATCHET_TEST_JDBC_URL");
		if (url != null) {
			String username = setting("ratchet.test.jdbc-username", "RATCHET_TEST_JDBC_USERNAME");
			return new PostgresServer(url, (username != null) ? username : "postgres",
					setting("ratchet.test.jdbc-password", "RATCHET_TEST_JDBC_PASSWORD"), "external");
		}
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
			return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, "embedded");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL: " + ex.getMessage()
					+ ". Set RATCHET_TEST_JDBC_URL to use a running server instead.", ex);
		}
	}

	private static String setting(String property, String variable) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? null : value;
	}

}
