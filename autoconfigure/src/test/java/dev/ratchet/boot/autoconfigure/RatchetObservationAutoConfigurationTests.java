package dev.ratchet.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.observation.MigrationObservations;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetObservationAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ImportedAutoConfiguration.class);

	@Test
	void observesRunsWithTheObservationRegistry() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasSingleBean(MigrationObservations.class));
	}

	@Test
	void backsOffWithoutObservationRegistryBean() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationObservations.class));
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationObservations.class));
	}

	/**
	 * Imports the auto-configuration as an application does, so that its conditions are read from
	 * its bytecode and those on classes absent from the class path do not match, rather than fail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(RatchetObservationAutoConfiguration.class)
	static class ImportedAutoConfiguration {

	}

}
