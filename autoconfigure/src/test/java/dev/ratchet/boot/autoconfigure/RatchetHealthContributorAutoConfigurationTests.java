package dev.ratchet.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.ratchet.boot.actuate.MigrationsHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetHealthContributorAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetHealthContributorAutoConfigurationTests extends ImportedAutoConfigurationTests {

	RatchetHealthContributorAutoConfigurationTests() {
		super(RatchetHealthContributorAutoConfiguration.class);
	}

	@Test
	void registersTheMigrationsContributor() {
		withRatchet()
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
		withRatchet()
			.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWhenHealthIndicatorsAreDisabledByDefault() {
		withRatchet()
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		assertBacksOff(withRatchetWithout("org.springframework.boot.health"), MigrationsHealthIndicator.class);
	}

	@Test
	void backsOffWithoutRatchetBean() {
		assertBacksOff(this.contextRunner, MigrationsHealthIndicator.class);
	}

	@Test
	void contributorCanBeReplaced() {
		HealthIndicator indicator = () -> Health.up().build();
		withRatchet()
			.withBean("migrationsHealthIndicator", HealthIndicator.class, () -> indicator)
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class)
				.getBean("migrationsHealthIndicator")
				.isSameAs(indicator));
	}

}
