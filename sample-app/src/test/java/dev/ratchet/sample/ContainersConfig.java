package dev.ratchet.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * PostgreSQL 18 in a Docker container, connected through {@code @ServiceConnection}: Boot's DataSource
 * and Ratchet both use it, and the embedded PostgreSQL stays off. Needs a Docker engine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainersConfig {

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer("postgres:18");
	}

}
