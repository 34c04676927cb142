package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.boot.actuate.MigrationsEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetEndpointAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetEndpointAutoConfigurationTests extends ImportedAutoConfigurationTests {

	RatchetEndpointAutoConfigurationTests() {
		super(RatchetEndpointAutoConfiguration.class);
	}

	@Test
	void runWhenExposedShouldHaveEndpointBean() {
		withRatchet()
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		withRatchet()
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		withRatchet()
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		assertBacksOff(withRatchetWithout("org.springframework.boot.actuate")
			.withPropertyValues("management.endpoints.web.exposure.include=migrations"), MigrationsEndpoint.class);
	}

	@Test
	void backsOffWithoutRatchetBean() {
		assertBacksOff(this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations"),
				MigrationsEndpoint.class);
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

}
