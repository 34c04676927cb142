package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.boot.actuate.MigrationsEndpoint;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetEndpointAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ImportedAutoConfiguration.class);

	@Test
	void runWhenExposedShouldHaveEndpointBean() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutRatchetBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void endpointBeanCanBeReplaced() {
		Ratchet ratchet = ratchet();
		MigrationRunTracker runs = new MigrationRunTracker();
		MigrationsEndpoint endpoint = new MigrationsEndpoint(ratchet, runs, new DriftMonitor(ratchet, runs, Duration.ZERO));
		this.contextRunner.withBean(Ratchet.class, () -> ratchet)
			.withBean(MigrationsEndpoint.class, () -> endpoint)
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).getBean(MigrationsEndpoint.class).isSameAs(endpoint));
	}

	static Ratchet ratchet() {
		return new Ratchet(RatchetConfiguration.builder(RatchetAutoConfigurationTests.unreachable()).build());
	}

	/**
	 * Imports the auto-configuration as an application does, so that its conditions are read from
	 * its bytecode and those on classes absent from the class path do not match, rather than fail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(RatchetEndpointAutoConfiguration.class)
	static class ImportedAutoConfiguration {

	}

}
