package dev.ratchet.boot.autoconfigure;

import java.util.List;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.actuate.DataMigrationActions;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.boot.actuate.MigrationsEndpoint;
import dev.ratchet.boot.data.BackgroundMigrationRunner;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
@ConditionalOnBooleanProperty(name = "ratchet.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
@ConditionalOnBean(Ratchet.class)
@EnableConfigurationProperties(RatchetProperties.class)
public final class RatchetEndpointAutoConfiguration {

	/**
	 * The beans {@code @EnableWebSecurity} and {@code @EnableWebFluxSecurity} (and Boot's security
	 * auto-configuration through them) register: Spring Security's jars alone authenticate nobody.
	 */
	private static final List<String> SECURITY_FILTER_CHAINS = List.of("springSecurityFilterChain",
			"org.springframework.security.config.annotation.web.reactive.WebFluxSecurityConfiguration.WebFilterChainFilter");

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Ratchet ratchet, ObjectProvider<MigrationRunTracker> runs,
			ObjectProvider<DriftMonitor> drift, RatchetProperties properties,
			ObjectProvider<BackgroundMigrationRunner> background, ObjectProvider<RatchetTenants> tenants,
			ListableBeanFactory beans) {
		MigrationRunTracker tracker = runs.getIfAvailable(MigrationRunTracker::new);
		// Where Spring Security authenticates requests, the write operation is for operators only;
		// without it, for whoever reaches it once it is enabled, as with every Actuator write operation.
		String operatorRole = securityFilterChain(beans) ? properties.getData().getOperatorRole() : null;
		return new MigrationsEndpoint(ratchet, tracker,
				drift.getIfAvailable(() -> new DriftMonitor(ratchet, tracker, properties.getDrift().getCacheTtl())),
				new DataMigrationActions(ratchet, background.getIfAvailable(), operatorRole), tenants.getIfAvailable());
	}

	private static boolean securityFilterChain(ListableBeanFactory beans) {
		return SECURITY_FILTER_CHAINS.stream().anyMatch(beans::containsBean);
	}

}
