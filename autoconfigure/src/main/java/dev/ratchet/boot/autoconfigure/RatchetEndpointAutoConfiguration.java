package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.boot.actuate.DriftMonitor;
import dev.ratchet.boot.actuate.MigrationRunTracker;
import dev.ratchet.boot.actuate.MigrationsEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link MigrationsEndpoint migrations endpoint}, when Actuator is present and the endpoint is
 * available (enabled and exposed).
 */
@AutoConfiguration(after = RatchetAutoConfiguration.class)
@ConditionalOnClass({ Ratchet.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@ConditionalOnBean(Ratchet.class)
@EnableConfigurationProperties(RatchetProperties.class)
public final class RatchetEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Ratchet ratchet, ObjectProvider<MigrationRunTracker> runs,
			ObjectProvider<DriftMonitor> drift, RatchetProperties properties, ObjectProvider<RatchetTenants> tenants) {
		MigrationRunTracker tracker = runs.getIfAvailable(MigrationRunTracker::new);
		return new MigrationsEndpoint(ratchet, tracker,
				drift.getIfAvailable(() -> new DriftMonitor(ratchet, tracker, properties.getDrift().getCacheTtl())),
				tenants.getIfAvailable());
	}

}
