package dev.ratchet.sample.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedPostgresAutoConfiguration}'s back-offs; starting the server is covered by
 * the integration tests.
 */
class EmbeddedPostgresAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

	@Test
	void backsOffWhenDataSourceUrlIsSet() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.com/chat")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class)
				.doesNotHaveBean(JdbcConnectionDetails.class));
	}

	@Test
	void backsOffWhenConnectionDetailsExist() {
		JdbcConnectionDetails container = new EmbeddedPostgresAutoConfiguration.EmbeddedPostgresConnectionDetails(
				"jdbc:postgresql://localhost:32768/test");
		this.contextRunner.withBean(JdbcConnectionDetails.class, () -> container)
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class)
				.getBean(JdbcConnectionDetails.class)
				.isSameAs(container));
	}

}
