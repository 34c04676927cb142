package dev.ratchet.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.boot.observation.MigrationObservations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetObservationAutoConfiguration}. Nothing here connects to a database.
 */
class RatchetObservationAutoConfigurationTests extends ImportedAutoConfigurationTests {

	RatchetObservationAutoConfigurationTests() {
		super(RatchetObservationAutoConfiguration.class);
	}

	@Test
	void observesRunsWithTheObservationRegistry() {
		withRatchet()
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasSingleBean(MigrationObservations.class));
	}

	@Test
	void backsOffWithoutObservationRegistryBean() {
		assertBacksOff(withRatchet(), MigrationObservations.class);
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		assertBacksOff(withRatchetWithout("io.micrometer.observation"), MigrationObservations.class);
	}

}
