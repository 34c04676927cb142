package dev.ratchet.testing;

import dev.ratchet.testing.postgres.TestPostgres;

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

	private final TestPostgres server;

	private PostgresServer(TestPostgres server) {
		this.server = server;
	}

	/**
	 * Returns the server of this JVM, starting it on first use.
	 * @return the server
	 */
	public static PostgresServer shared() {
		return new PostgresServer(TestPostgres.shared(() -> {
			TestPostgres external = TestPostgres.external();
			return (external != null) ? external : TestPostgres.embedded();
		}));
	}

	/**
	 * Creates a new, empty database.
	 * @return the database; close it to drop it
	 */
	public Database createDatabase() {
		return new Database(this.server, this.server.createDatabase("ratchet_test_"));
	}

	/**
	 * Returns what the server is, for example {@code embedded PostgreSQL 18.1}.
	 */
	public String description() {
		return this.server.description();
	}

}
