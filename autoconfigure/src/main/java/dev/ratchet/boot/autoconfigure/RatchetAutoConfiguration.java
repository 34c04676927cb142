package dev.ratchet.boot.autoconfigure;

import java.io.PrintStream;

import javax.sql.DataSource;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationListener;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration.RatchetDataSourceCondition;
import dev.ratchet.boot.autoconfigure.RatchetProperties.Mode;
import dev.ratchet.boot.data.BackgroundMigrationRunner;
import dev.ratchet.boot.command.RatchetCommandExit;
import dev.ratchet.boot.command.RatchetCommandRunner;
import dev.ratchet.boot.event.ApplicationEventMigrationListener;
import dev.ratchet.tenant.RatchetTenants;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * Ratchet database migrations: migrates during start-up, or runs the one-shot command given in
 * {@code ratchet.command}. Every {@link MigrationListener} bean hears the engine's events, from the
 * start-up run on, also when the application defines its own {@link Ratchet} bean: they are
 * published as application events, and this instance's runs are remembered for the endpoint and
 * health contributor.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Ratchet.class)
@Conditional(RatchetDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "ratchet.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RatchetProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, DataThrottleConfiguration.class })
public final class RatchetAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	static class RatchetEngineConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Ratchet ratchet(RatchetProperties properties, ResourceLoader resourceLoader,
				@RatchetDataSource ObjectProvider<DataSource> ratchetDataSource, ObjectProvider<DataSource> dataSource,
				ObjectProvider<RatchetConfigurationCustomizer> customizers, ObjectProvider<JavaMigration> javaMigrations,
				ObjectProvider<MigrationListener> listeners) {
			DataSource migrationDataSource = MigrationDataSource.select(ratchetDataSource.getIfAvailable(),
					dataSource.getIfUnique(), properties);
			RatchetConfiguration.Builder builder = RatchetConfiguration.builder(migrationDataSource)
				.locations(properties.getLocations())
				.schema(properties.getSchema())
				.table(properties.getTable())
				.lockWaitTimeout(properties.getLock().getWaitTimeout())
				.baselineOnMigrate(properties.isBaselineOnMigrate())
				.baselineVersion(properties.getBaselineVersion())
				.adoptEnabled(properties.getAdopt().isEnabled())
				.adoptFlywayTable(properties.getAdopt().getFlywayTable())
				.outOfOrder(properties.isOutOfOrder())
				.target(properties.getTarget())
				.placeholders(properties.getPlaceholders())
				.placeholderReplacement(properties.isPlaceholderReplacement())
				.mixed(properties.isMixed())
				.driftEnabled(properties.getDrift().isEnabled())
				.driftIgnore(properties.getDrift().getIgnore())
				.driftCheckAtStartup(properties.getHealth().isFailOnDrift())
				.placeholderPrefix(properties.getPlaceholderPrefix())
				.placeholderSuffix(properties.getPlaceholderSuffix())
				.lockTimeout(properties.getLockTimeout())
				.statementTimeout(properties.getStatementTimeout())
				.lockRetries(properties.getLockRetries())
				.lockRetryDelay(properties.getLockRetryDelay())
				.dataParallelism(properties.getData().getParallelism())
				.poolerPolicy(properties.getPoolerPolicy())
				.lintSeverities(LintSeverities.of(properties.getLint().getSeverity()))
				.javaMigrations(javaMigrations.orderedStream().toList())
				.listeners(listeners.orderedStream().toList())
				.classLoader(resourceLoader.getClassLoader());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return new Ratchet(builder.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RatchetListenerConfiguration {

		@Bean
		static RatchetListenerPostProcessor ratchetListenerPostProcessor(ObjectProvider<MigrationListener> listeners) {
			return new RatchetListenerPostProcessor(listeners);
		}

		@Bean
		@ConditionalOnMissingBean
		MigrationRunTracker ratchetMigrationRunTracker() {
			return new MigrationRunTracker();
		}

		@Bean
		@ConditionalOnMissingBean
		DriftMonitor ratchetDriftMonitor(Ratchet ratchet, MigrationRunTracker runs, RatchetProperties properties) {
			return new DriftMonitor(ratchet, runs, properties.getDrift().getCacheTtl());
		}

		@Bean
		@ConditionalOnMissingBean
		ApplicationEventMigrationListener ratchetApplicationEventMigrationListener(
				ApplicationEventPublisher applicationEventPublisher) {
			return new ApplicationEventMigrationListener(applicationEventPublisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoCommandCondition.class)
	static class StartupMigrationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RatchetMigrationInitializer ratchetMigrationInitializer(Ratchet ratchet, RatchetProperties properties,
				ObjectProvider<RatchetMigrationStrategy> migrationStrategy) {
			RatchetMigrationStrategy strategy = (properties.getMode() == Mode.VALIDATE)
					? new ValidateOnlyMigrationStrategy() : migrationStrategy.getIfAvailable();
			return new RatchetMigrationInitializer(ratchet, strategy);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnProperty(name = "ratchet.mode", havingValue = "migrate", matchIfMissing = true)
		@ConditionalOnMissingBean(RatchetMigrationStrategy.class)
		static class BackgroundMigrationConfiguration {

			@Bean
			@ConditionalOnMissingBean
			BackgroundMigrationRunner ratchetBackgroundMigrationRunner(Ratchet ratchet) {
				return new BackgroundMigrationRunner(ratchet);
			}

			@Bean
			StartupDriftCheck ratchetStartupDriftCheck(Ratchet ratchet, DriftMonitor driftMonitor) {
				return new StartupDriftCheck(ratchet, driftMonitor);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("ratchet.command")
	static class CommandConfiguration {

		@Bean
		static LazyInitializationExcludeFilter ratchetCommandLazyInitializationExcludeFilter() {
			// Created eagerly so that a command that cannot run fails the start-up with exit code 3.
			return LazyInitializationExcludeFilter.forBeanTypes(RatchetCommandRunner.class);
		}

		@Bean
		@ConditionalOnMissingBean
		RatchetCommandExit ratchetCommandExit() {
			return RatchetCommandExit.SYSTEM_EXIT;
		}

		@Bean
		@ConditionalOnMissingBean
		RatchetCommandRunner ratchetCommandRunner(Ratchet ratchet, RatchetProperties properties,
				RatchetCommandExit exit, ApplicationContext context,
				@Qualifier(RatchetCommandRunner.STANDARD_OUTPUT_BEAN_NAME) ObjectProvider<PrintStream> out,
				ObjectProvider<RatchetTenants> tenants) {
			return new RatchetCommandRunner(ratchet, properties.getCommand(), properties.getOutput(),
					out.getIfAvailable(() -> System.out), exit, context, tenants.getIfAvailable(), properties.getTenant());
		}

	}

	static final class RatchetDataSourceCondition extends AnyNestedCondition {

		RatchetDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("ratchet.url")
		private static final class RatchetUrlCondition {

		}

	}

	static final class NoCommandCondition extends NoneNestedConditions {

		NoCommandCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("ratchet.command")
		private static final class CommandCondition {

		}

	}

}
