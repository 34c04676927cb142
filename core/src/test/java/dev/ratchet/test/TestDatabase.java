package dev.ratchet.test;

import dev.ratchet.testing.postgres.PostgresDatabase;
import dev.ratchet.testing.postgres.TestPostgres;

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

	private TestDatabase() {
	}

	/**
	 * Creates a new, empty database on the test server.
	 * @return the database; close it to drop it
	 */
	public static Db createDatabase() {
		TestPostgres s = server();
		return new Db(s, s.createDatabase("ratchet_"));
	}

	/**
	 * Returns a description of the server tests run against, for example {@code embedded PostgreSQL 18.1}.
	 */
	public static String describe() {
		return server().description();
	}

	private static TestPostgres server() {
		return TestPostgres.shared(TestDatabase::start);
	}

	private static TestPostgres start() {
		TestPostgres external = TestPostgres.external();
		TestPostgres started = (external != null) ? external
				: DockerServer.isDockerAvailable() ? DockerServer.start() : TestPostgres.embedded();
		System.err.println("Ratchet integration tests run against " + started.description());
		return started;
	}

	/**
	 * A database of the test server, dropped on {@link #close()}.
	 */
	public static final class Db extends PostgresDatabase implements Database {

		private Db(TestPostgres server, String name) {
			super(server, name);
		}

	}

}
