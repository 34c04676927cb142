package dev.ratchet.boot.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration.NoCommandCondition;
import dev.ratchet.boot.autoconfigure.RatchetProperties.Mode;
import dev.ratchet.boot.metrics.TenantMetrics;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantDataSources;
import dev.ratchet.tenant.TenantSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * tenants: when {@code ratchet.tenants.schemas} or {@code ratchet.tenants.query} is set, or a
 * {@link TenantSource} or {@link TenantDataSources} bean exists, start-up migrates every tenant after
 * the main schema. The tenants' runs are heard by the listeners, except this instance's run tracker,
 * which follows the main schema's runs.
 */
@AutoConfiguration(after = RatchetAutoConfiguration.class)
@ConditionalOnBean(Ratchet.class)
@Conditional(RatchetTenantsAutoConfiguration.TenantsCondition.class)
@EnableConfigurationProperties(RatchetProperties.class)
public final class RatchetTenantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RatchetTenants ratchetTenants(Ratchet ratchet, RatchetProperties properties, ObjectProvider<TenantSource> sources,
			ObjectProvider<TenantDataSources> dataSources) {
		TenantsProperties tenants = properties.getTenants();
		RatchetTenants.Builder builder = RatchetTenants.builder(ratchet.getConfiguration())
			.locations(tenants.getLocations())
			.parallelism(tenants.getParallelism())
			.listeners(ratchet.getConfiguration()
				.getListeners()
				.stream()
				.filter((listener) -> !(listener instanceof MigrationRunTracker))
				.toList());
		if (!tenants.getSchemas().isEmpty()) {
			builder.schemas(tenants.getSchemas());
		}
		if (tenants.getQuery() != null) {
			builder.query(tenants.getQuery());
		}
		sources.orderedStream().forEach(builder::source);
		TenantDataSources databases = dataSources.getIfUnique();
		if (databases != null) {
			builder.dataSources(databases);
		}
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoCommandCondition.class)
	static class StartupTenantsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RatchetTenantsInitializer ratchetTenantsInitializer(RatchetTenants tenants, RatchetProperties properties,
				ObjectProvider<RatchetMigrationInitializer> mainSchema) {
			// The main schema first: its initializer is created (and has run) before this one.
			mainSchema.ifAvailable((initializer) -> {
			});
			return new RatchetTenantsInitializer(tenants, properties.getTenants().getOnFailure(),
					properties.getMode() != Mode.VALIDATE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class TenantMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantMetrics ratchetTenantMetrics(RatchetTenants tenants) {
			return new TenantMetrics(tenants);
		}

	}

	static final class TenantsCondition extends AnyNestedCondition {

		TenantsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("ratchet.tenants.schemas[0]")
		private static final class SchemasCondition {

		}

		@ConditionalOnProperty("ratchet.tenants.schemas")
		private static final class SchemasListCondition {

		}

		@ConditionalOnProperty("ratchet.tenants.query")
		private static final class QueryCondition {

		}

		@ConditionalOnBean(TenantSource.class)
		private static final class SourceCondition {

		}

		@ConditionalOnBean(TenantDataSources.class)
		private static final class DataSourcesCondition {

		}

	}

}
