package dev.ratchet.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.observation.MigrationObservations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * {@link MigrationObservations observations} around Ratchet's runs and migrations, when the
 * application has a Micrometer {@link ObservationRegistry}.
 */
@AutoConfiguration(after = RatchetAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Ratchet.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "ratchet.enabled", matchIfMissing = true)
@ConditionalOnBean({ Ratchet.class, ObservationRegistry.class })
public final class RatchetObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationObservations ratchetMigrationObservations(ObservationRegistry observationRegistry) {
		return new MigrationObservations(observationRegistry);
	}

}
