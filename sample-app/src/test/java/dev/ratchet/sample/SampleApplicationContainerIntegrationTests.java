package dev.ratchet.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample app on PostgreSQL 18 in a Docker container through {@link ContainersConfig}, as
 * {@link TestSampleApplication} does. Skipped where no Docker engine is available.
 */
@SpringBootTest
@Import(ContainersConfig.class)
@EnabledIf("dockerAvailable")
class SampleApplicationContainerIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Test
	void migratesTheContainerDatabaseInsteadOfStartingEmbeddedPostgres() {
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
		assertThat(this.jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("18");
		assertThat(this.jdbc.sql("SELECT count(*) FROM ratchet_history WHERE success").query(Integer.class).single())
			.isEqualTo(6);
	}

}
