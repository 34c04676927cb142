package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lock and statement timeout properties: they reach the engine, and without them the
 * engine keeps the server's settings. Nothing here connects.
 */
class RatchetTimeoutPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class))
		.withBean(DataSource.class, RatchetTimeoutPropertiesTests::unreachable)
		.withPropertyValues("ratchet.command=status");

	@Test
	void timeoutsAndRetriesReachTheEngine() {
		this.contextRunner
			.withPropertyValues("ratchet.lock-timeout=3s", "ratchet.statement-timeout=10m", "ratchet.lock-retries=4",
					"ratchet.lock-retry-delay=250ms")
			.run((context) -> {
				RatchetConfiguration configuration = context.getBean(Ratchet.class).getConfiguration();
				assertThat(configuration.getLockTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(configuration.getStatementTimeout()).isEqualTo(Duration.ofMinutes(10));
				assertThat(configuration.getLockRetries()).isEqualTo(4);
				assertThat(configuration.getLockRetryDelay()).isEqualTo(Duration.ofMillis(250));
			});
	}

	@Test
	void withoutTimeoutsTheServerSettingsApply() {
		this.contextRunner.run((context) -> {
			RatchetConfiguration configuration = context.getBean(Ratchet.class).getConfiguration();
			assertThat(configuration.getLockTimeout()).isNull();
			assertThat(configuration.getStatementTimeout()).isNull();
			assertThat(configuration.getLockRetries()).isZero();
		});
	}

	@Test
	void negativeRetriesFailTheStartupNamingTheProblem() {
		this.contextRunner.withPropertyValues("ratchet.lock-retries=-1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lockRetries must not be negative"));
	}

	private static DataSource unreachable() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/none");
		return dataSource;
	}

}
