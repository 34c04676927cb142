package dev.ratchet.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.metrics.MigrationMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * Ratchet's {@link MigrationMetrics meters}, when the application has a Micrometer
 * {@link MeterRegistry}. The meters hear every run, the one at start-up included.
 */
@AutoConfiguration(after = RatchetAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Ratchet.class, MeterRegistry.class })
@ConditionalOnBooleanProperty(name = "ratchet.enabled", matchIfMissing = true)
@ConditionalOnBean({ Ratchet.class, MeterRegistry.class })
public final class RatchetMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics ratchetMigrationMetrics(MeterRegistry meterRegistry) {
		return new MigrationMetrics(meterRegistry);
	}

}
