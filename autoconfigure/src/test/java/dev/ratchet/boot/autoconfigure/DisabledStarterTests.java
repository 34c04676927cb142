package dev.ratchet.boot.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ratchet.enabled=false} the starter costs nothing measurable: every auto-configuration
 * backs off on the property alone (no bean lookups, no endpoint class loaded), Spring Boot can
 * filter them from metadata without loading them, and the database initializer detector loads
 * no engine class.
 */
class DisabledStarterTests {

	private static final List<Class<?>> AUTO_CONFIGURATIONS = List.of(RatchetAutoConfiguration.class,
			RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class,
			RatchetMetricsAutoConfiguration.class, RatchetObservationAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AUTO_CONFIGURATIONS.toArray(Class<?>[]::new)))
		.withBean(DataSource.class, PGSimpleDataSource::new)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(ObservationRegistry.class, ObservationRegistry::create)
		.withPropertyValues("ratchet.enabled=false", "management.endpoints.web.exposure.include=migrations");

	@Test
	void everyAutoConfigurationBacksOffOnThePropertyAlone() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			Map<String, ConditionAndOutcomes> outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
				.getConditionAndOutcomesBySource();
			for (Class<?> autoConfiguration : AUTO_CONFIGURATIONS) {
				ConditionAndOutcomes conditions = outcomes.get(autoConfiguration.getName());
				assertThat(conditions).as(autoConfiguration.getSimpleName()).isNotNull();
				assertThat(conditions.isFullMatch()).isFalse();
				// Conditions are evaluated in order up to the first that fails: it must be the property.
				assertThat(conditions.stream().filter((outcome) -> !outcome.getOutcome().isMatch()))
					.singleElement()
					.satisfies((outcome) -> assertThat(outcome.getOutcome().getMessage()).contains("ratchet.enabled"));
				assertThat(conditions.stream().map((outcome) -> outcome.getOutcome().getMessage()))
					.as(autoConfiguration.getSimpleName())
					.noneMatch((message) -> message.contains("@ConditionalOnBean")
							|| message.contains("@ConditionalOnAvailableEndpoint"));
			}
		});
	}

	@Test
	void autoConfigurationsHaveConditionMetadata() throws Exception {
		Properties metadata = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties",
				RatchetAutoConfiguration.class.getClassLoader()).getInputStream()) {
			metadata.load(in);
		}
		for (Class<?> autoConfiguration : AUTO_CONFIGURATIONS) {
			assertThat(metadata.getProperty(autoConfiguration.getName() + ".ConditionalOnClass"))
				.as(autoConfiguration.getSimpleName())
				.contains("dev.ratchet.Ratchet");
		}
	}

	@Test
	void initializerDetectorLooksForNothingWhenDisabled() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		StandardEnvironment environment = new StandardEnvironment();
		beanFactory.registerSingleton("environment", environment);
		beanFactory.registerBeanDefinition("ratchetMigrationInitializer",
				new RootBeanDefinition(RatchetMigrationInitializer.class));
		RatchetMigrationInitializerDatabaseInitializerDetector detector = new RatchetMigrationInitializerDatabaseInitializerDetector();
		assertThat(detector.detect(beanFactory)).containsExactly("ratchetMigrationInitializer");
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "ratchet.enabled=false");
		assertThat(detector.detect(beanFactory)).isEqualTo(Set.of());
	}

}
