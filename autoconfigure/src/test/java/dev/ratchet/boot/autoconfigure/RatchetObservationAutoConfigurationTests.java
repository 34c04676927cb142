package dev.ratchet.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.boot.observation.MigrationObservations;

import org.springframework.boot.test.context.FilteredClassLoader;

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
		withRatchet()
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationObservations.class));
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		withRatchet()
			.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationObservations.class));
	}

}
