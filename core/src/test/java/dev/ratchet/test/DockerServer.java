package dev.ratchet.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.ratchet.testing.postgres.TestPostgres;

/**
 * Starts PostgreSQL in a container when a Docker engine is available.
 */
final class DockerServer {

	private static final String IMAGE = "postgres:18";

	private DockerServer() {
	}

	static boolean isDockerAvailable() {
		if ("false".equalsIgnoreCase(System.getenv("RATCHET_TEST_DOCKER"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	/**
	 * Starts the container; Testcontainers' reaper removes it when the JVM exits.
	 * @return the server
	 */
	@SuppressWarnings("resource")
	static TestPostgres start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
		container.start();
		return TestPostgres.of(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers");
	}

}
