package dev.ratchet.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.metrics.MigrationMetrics;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetMetricsAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ImportedAutoConfiguration.class);

	@Test
	void registersTheMetersWithTheMeterRegistry() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
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
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationMetrics.class));
	}

	@Test
	void backsOffWithoutRatchetBean() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationMetrics.class));
	}

	/**
	 * Imports the auto-configuration as an application does, so that its conditions are read from
	 * its bytecode and those on classes absent from the class path do not match, rather than fail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(RatchetMetricsAutoConfiguration.class)
	static class ImportedAutoConfiguration {

	}

}
