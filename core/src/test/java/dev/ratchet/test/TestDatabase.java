package dev.ratchet.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one place tests get a real PostgreSQL from. In order of preference:
 * <ol>
 * <li>{@code RATCHET_TEST_JDBC_URL} (with {@code RATCHET_TEST_JDBC_USERNAME} and
 * {@code RATCHET_TEST_JDBC_PASSWORD}) when set: any server, for example the machine's own;</li>
 * <li>Testcontainers, when a Docker engine is available;</li>
 * <li>embedded PostgreSQL binaries from Maven Central (version pinned in the build).</li>
 * </ol>
 * Each test gets a fresh database of its own from {@link #createDatabase()}, dropped on close.
 */
public final class TestDatabase {

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile Server server;

	private TestDatabase() {
	}

	/**
	 * Creates a new, empty database on the test server.
	 * @return the database; close it to drop it
	 */
	public static Db createDatabase() {
		Server s = server();
		String name = "ratchet_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
		try (Connection connection = s.connect(s.adminUrl()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + ": " + ex.getMessage(), ex);
		}
		return new Db(s, name);
	}

	/**
	 * Returns a description of the server tests run against, for example {@code embedded PostgreSQL 18.1}.
	 */
	public static String describe() {
		return server().description;
	}

	private static Server server() {
		Server s = server;
		if (s == null) {
			synchronized (TestDatabase.class) {
				s = server;
				if (s == null) {
					s = Server.start();
					server = s;
					System.err.println("Ratchet integration tests run against " + s.description);
				}
			}
		}
		return s;
	}

	/**
	 * A database of the test server, dropped on {@link #close()}.
	 */
	public static final class Db implements Database, AutoCloseable {

		private final Server server;

		private final String name;

		private final String url;

		private Db(Server server, String name) {
			this.server = server;
			this.name = name;
			this.url = server.urlFor(name);
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String url() {
			return this.url;
		}

		@Override
		public String username() {
			return this.server.username;
		}

		@Override
		public String password() {
			return this.server.password;
		}

		/**
		 * Returns a new non-pooled DataSource for this database.
		 */
		@Override
		public DataSource dataSource() {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(this.url);
			dataSource.setUser(this.server.username);
			if (this.server.password != null) {
				dataSource.setPassword(this.server.password);
			}
			return dataSource;
		}

		/**
		 * Opens a connection to this database (auto-commit on).
		 * @return the connection
		 * @throws SQLException on failure
		 */
		@Override
		public Connection connect() throws SQLException {
			return this.server.connect(this.url);
		}

		@Override
		public void close() {
			try (Connection connection = this.server.connect(this.server.adminUrl());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test database " + this.name, ex);
			}
		}

	}

	private static final class Server {

		private final String adminUrl;

		private final String username;

		private final String password;

		private final String description;

		private Server(String adminUrl, String username, String password, String kind) {
			this.adminUrl = adminUrl;
			this.username = username;
			this.password = password;
			String version;
			try (Connection connection = connect(adminUrl); Statement statement = connection.createStatement();
					var rs = statement.executeQuery("SHOW server_version")) {
				rs.next();
				version = rs.getString(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Test PostgreSQL (" + kind + ") is not reachable: " + ex.getMessage(), ex);
			}
			this.description = kind + " PostgreSQL " + version;
		}

		static Server start() {
			String url = System.getenv("RATCHET_TEST_JDBC_URL");
			if (url != null && !url.isBlank()) {
				String user = System.getenv().getOrDefault("RATCHET_TEST_JDBC_USERNAME", "postgres");
				return new Server(url, user, System.getenv("RATCHET_TEST_JDBC_PASSWORD"), "external");
			}
			if (DockerServer.isDockerAvailable()) {
				String[] started = DockerServer.start();
				return new Server(started[0], started[1], started[2], "Testcontainers");
			}
			String[] started = EmbeddedServer.start();
			return new Server(started[0], started[1], null, "embedded");
		}

		String adminUrl() {
			return this.adminUrl;
		}

		String urlFor(String database) {
			int query = this.adminUrl.indexOf('?');
			String base = (query >= 0) ? this.adminUrl.substring(0, query) : this.adminUrl;
			String params = (query >= 0) ? this.adminUrl.substring(query) : "";
			return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
		}

		Connection connect(String url) throws SQLException {
			Properties properties = new Properties();
			properties.setProperty("user", this.username);
			if (this.password != null) {
				properties.setProperty("password", this.password);
			}
			return DriverManager.getConnection(url, properties);
		}

	}

}
