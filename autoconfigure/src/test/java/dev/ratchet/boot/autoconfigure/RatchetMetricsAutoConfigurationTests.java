package dev.ratchet.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.boot.metrics.MigrationMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetMetricsAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetMetricsAutoConfigurationTests extends ImportedAutoConfigurationTests {

	RatchetMetricsAutoConfigurationTests() {
		super(RatchetMetricsAutoConfiguration.class);
	}

	@Test
	void registersTheMetersWithTheMeterRegistry() {
		withRatchet()
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("ratchet.lock.wait").timer().count()).isZero();
				assertThat(registry.get("ratchet.migrations.pending").gauge().value()).isNaN();
			});
	}

	@Test
	void backsOffWithoutMeterRegistryBean() {
		assertBacksOff(withRatchet(), MigrationMetrics.class);
	}

	@Test
	void backsOffWithoutMicrometer() {
		assertBacksOff(withRatchetWithout("io.micrometer.core"), MigrationMetrics.class);
	}

	@Test
	void backsOffWithoutRatchetBean() {
		assertBacksOff(this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new),
				MigrationMetrics.class);
	}

}
