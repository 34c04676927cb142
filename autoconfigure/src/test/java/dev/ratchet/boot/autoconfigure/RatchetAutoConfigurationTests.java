package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.command.RatchetCommandExit;
import dev.ratchet.boot.command.RatchetCommandRunner;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetAutoConfiguration} that need no database: conditions and back-off.
 * Nothing here connects, so the DataSource points at a port where no server listens.
 */
class RatchetAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class));

	@Test
	void backsOffWithNoDataSourceBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(Ratchet.class)
			.doesNotHaveBean(RatchetProperties.class)
			.doesNotHaveBean(RatchetMigrationInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		withUnreachableDataSource().withPropertyValues("ratchet.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Ratchet.class)
				.doesNotHaveBean(RatchetMigrationInitializer.class));
	}

	@Test
	void backsOffWithoutRatchetOnTheClasspath() {
		withUnreachableDataSource().withClassLoader(new FilteredClassLoader(Ratchet.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RatchetMigrationInitializer.class));
	}

	@Test
	void commandReplacesMigrationDuringStartupWithCommandRunner() {
		withUnreachableDataSource().withPropertyValues("ratchet.command=status")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Ratchet.class)
				.hasSingleBean(RatchetCommandRunner.class)
				.hasSingleBean(RatchetCommandExit.class)
				.doesNotHaveBean(RatchetMigrationInitializer.class));
	}

	@Test
	void commandExitBeanCanBeReplaced() {
		RatchetCommandExit exit = (context, code) -> {
		};
		withUnreachableDataSource().withBean(RatchetCommandExit.class, () -> exit)
			.withPropertyValues("ratchet.command=status")
			.run((context) -> assertThat(context).getBean(RatchetCommandExit.class).isSameAs(exit));
	}

	@Test
	void jsonOutputWithoutJacksonFailsWithAnExplanation() {
		withUnreachableDataSource().withClassLoader(new FilteredClassLoader("tools.jackson"))
			.withPropertyValues("ratchet.command=status", "ratchet.output=json")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ratchet.output=json needs Jackson 3")
				.hasMessageContaining("tools.jackson.core:jackson-databind"));
	}

	@Test
	void unknownCommandFailsToBind() {
		withUnreachableDataSource().withPropertyValues("ratchet.command=destroy")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("destroy"));
	}

	private ApplicationContextRunner withUnreachableDataSource() {
		return this.contextRunner.withBean(DataSource.class, RatchetAutoConfigurationTests::unreachable);
	}

	static DataSource unreachable() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/nothing");
		return dataSource;
	}

}
