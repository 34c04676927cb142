package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.boot.actuate.MigrationsHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link MigrationsHealthIndicator migrations health contributor}, when Spring Boot's health support
 * is present and {@code management.health.migrations.enabled} is not {@code false}.
 */
@AutoConfiguration(after = RatchetAutoConfiguration.class)
@ConditionalOnClass({ Ratchet.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "ratchet.enabled", matchIfMissing = true)
@ConditionalOnBean(Ratchet.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(RatchetProperties.class)
public final class RatchetHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	MigrationsHealthIndicator migrationsHealthIndicator(Ratchet ratchet, ObjectProvider<MigrationRunTracker> runs,
			ObjectProvider<DriftMonitor> drift, RatchetProperties properties, ObjectProvider<RatchetTenants> tenants) {
		MigrationRunTracker tracker = runs.getIfAvailable(MigrationRunTracker::new);
		return new MigrationsHealthIndicator(ratchet, tracker,
				drift.getIfAvailable(() -> new DriftMonitor(ratchet, tracker, properties.getDrift().getCacheTtl())),
				properties.getHealth().getCacheTtl(), properties.getHealth().isFailOnDrift(), tenants.getIfAvailable());
	}

}
