package dev.ratchet.boot.aot;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.javapoet.ClassName;

import dev.ratchet.boot.command.CommandReport;
import dev.ratchet.boot.report.MigrationInfoDescriptor;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;

class RatchetRuntimeHintsTests {

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(RatchetRuntimeHints.class::isInstance);
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(MigrationLocationsAotProcessor.class::isInstance);
	}

	@Test
	void defaultLocationFilesAndPrismaLockFileAreResources() {
		RuntimeHints hints = new RuntimeHints();
		new RatchetRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__create_session_table.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/2024/V2__nested.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/migration_lock.toml")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/20240101_init/migration.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/other/V1__elsewhere.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/notes.txt")).rejects(hints);
	}

	@Test
	void commandReportAndDriverLookupHaveReflection() {
		RuntimeHints hints = new RuntimeHints();
		new RatchetRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(CommandReport.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(MigrationInfoDescriptor.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(org.springframework.aot.hint.TypeReference.of(RatchetRuntimeHints.PG_CONNECTION))).accepts(hints);
	}

	@Test
	void configuredClasspathLocationsAndJavaMigrationsAreRegistered() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("ratchet.locations",
					"classpath:/db/shop/, filesystem:/srv/migrations, classpath:prisma/migrations",
					"ratchet.tenants.locations", "classpath:db/tenant")));
		beanFactory.registerSingleton("environment", environment);
		beanFactory.registerBeanDefinition("backfill", new RootBeanDefinition(TestJavaMigration.class));
		RuntimeHints hints = process(beanFactory);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/shop/V3__add_orders.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("prisma/migrations/migration_lock.toml"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("prisma/migrations/20240101_init/migration.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/tenant/V1__tenant.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__default.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("srv/migrations/V1__disk.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TestJavaMigration.class)).accepts(hints);
	}

	@Test
	void withoutConfigurationTheDefaultLocationIsRegistered() {
		RuntimeHints hints = process(new DefaultListableBeanFactory());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__default.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/shop/V1__other.sql")).rejects(hints);
	}

	private RuntimeHints process(DefaultListableBeanFactory beanFactory) {
		BeanFactoryInitializationAotContribution contribution = new MigrationLocationsAotProcessor()
			.processAheadOfTime(beanFactory);
		DefaultGenerationContext context = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
		contribution.applyTo(context, null);
		return context.getRuntimeHints();
	}

}
