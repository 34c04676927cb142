package dev.ratchet.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.actuate.MigrationsHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetHealthContributorAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(ImportedAutoConfiguration.class);

	@Test
	void registersTheMigrationsContributor() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsHealthIndicator.class).hasBean("migrationsHealthIndicator");
				assertThat(context.getBean(HealthContributorRegistry.class).getContributor("migrations"))
					.isSameAs(context.getBean(MigrationsHealthIndicator.class));
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWhenHealthIndicatorsAreDisabledByDefault() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutRatchetBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void contributorCanBeReplaced() {
		HealthIndicator indicator = () -> Health.up().build();
		this.contextRunner.withBean(Ratchet.class, RatchetEndpointAutoConfigurationTests::ratchet)
			.withBean("migrationsHealthIndicator", HealthIndicator.class, () -> indicator)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class)
				.getBean("migrationsHealthIndicator")
				.isSameAs(indicator));
	}

	/**
	 * Imports the auto-configuration as an application does, so that its conditions are read from
	 * its bytecode and those on classes absent from the class path do not match, rather than fail.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(RatchetHealthContributorAutoConfiguration.class)
	static class ImportedAutoConfiguration {

	}

}
