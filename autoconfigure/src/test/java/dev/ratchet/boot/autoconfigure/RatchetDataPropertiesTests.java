package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.data.BatchThrottle;
import dev.ratchet.boot.test.RatchetContextRunner;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.ratchet.boot.autoconfigure.UnreachableDatabase.configuration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code ratchet.data.*}: the parallelism and the throttles they switch on, and
 * {@link BatchThrottle} beans, reach the engine. Nothing here connects.
 */
class RatchetDataPropertiesTests {

	private final ApplicationContextRunner contextRunner = UnreachableDatabase.contextRunner();

	@Test
	void noThrottleByDefault() {
		this.contextRunner.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getThrottles())
			.isEmpty());
	}

	@Test
	void windowAndReplicationLagPropertiesAndThrottleBeansReachTheEngine() {
		BatchThrottle mine = (connection, migration) -> Duration.ZERO;
		this.contextRunner.withBean(BatchThrottle.class, () -> mine)
			.withPropertyValues("ratchet.data.window=22:00-06:00", "ratchet.data.max-replication-lag=2s")
			.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getThrottles())
				.hasSize(3)
				.first()
				.isSameAs(mine)
				.satisfies((first) -> assertThat(configuration(context.getBean(Ratchet.class)).getThrottles())
					.extracting(Object::toString)
					.contains("time window 22:00-06:00", "replication lag above 2000 ms")));
	}

	@Test
	void parallelismReachesTheEngine() {
		this.contextRunner.withPropertyValues("ratchet.data.parallelism=4")
			.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getDataParallelism()).isEqualTo(4));
	}

	@Test
	void aParallelismBelowOneFailsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("ratchet.data.parallelism=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ratchet.data.parallelism"));
	}

	@Test
	void aWindowThatCannotBeReadFailsTheStartupNamingTheProperty() {
		RatchetContextRunner.startupFailure(this.contextRunner.withPropertyValues("ratchet.data.window=nights"))
			.hasMessageContaining("ratchet.data.window");
	}

}
