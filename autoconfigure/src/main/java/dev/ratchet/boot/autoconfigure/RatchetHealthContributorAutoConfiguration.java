package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.actuate.MigrationRunTracker;
import dev.ratchet.boot.actuate.MigrationsHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
@ConditionalOnBean(Ratchet.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(RatchetProperties.class)
public final class RatchetHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	MigrationsHealthIndicator migrationsHealthIndicator(Ratchet ratchet, ObjectProvider<MigrationRunTracker> runs,
			RatchetProperties properties) {
		return new MigrationsHealthIndicator(ratchet, runs.getIfAvailable(MigrationRunTracker::new),
				properties.getHealth().getCacheTtl());
	}

}
