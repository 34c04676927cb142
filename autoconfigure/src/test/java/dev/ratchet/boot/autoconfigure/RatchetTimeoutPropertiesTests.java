package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.test.RatchetContextRunner;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lock and statement timeout properties: they reach the engine, and without them the
 * engine keeps the server's settings. Nothing here connects.
 */
class RatchetTimeoutPropertiesTests {

	private final ApplicationContextRunner contextRunner = UnreachableDatabase.contextRunner();

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
		RatchetContextRunner.startupFailure(this.contextRunner.withPropertyValues("ratchet.lock-retries=-1"))
			.hasMessageContaining("lockRetries must not be negative");
	}

}
