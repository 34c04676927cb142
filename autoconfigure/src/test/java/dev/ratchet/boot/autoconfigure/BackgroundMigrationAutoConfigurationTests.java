package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.boot.data.BackgroundMigrationRunner;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link RatchetAutoConfiguration} runs background data migrations after start-up. Nothing
 * here connects: the initializer is replaced.
 */
class BackgroundMigrationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class))
		.withBean(DataSource.class, BackgroundMigrationAutoConfigurationTests::unreachable)
		.withBean(RatchetMigrationInitializer.class, () -> new RatchetMigrationInitializer(null, (ratchet) -> {
		}));

	@Test
	void runsBackgroundMigrationsAfterStartupByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BackgroundMigrationRunner.class));
	}

	@Test
	void runsNoBackgroundMigrationsInValidateMode() {
		this.contextRunner.withPropertyValues("ratchet.mode=validate")
			.run((context) -> assertThat(context).doesNotHaveBean(BackgroundMigrationRunner.class));
	}

	@Test
	void runsNoBackgroundMigrationsWithACustomStrategy() {
		this.contextRunner.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> {
		}).run((context) -> assertThat(context).doesNotHaveBean(BackgroundMigrationRunner.class));
	}

	@Test
	void runsNoBackgroundMigrationsForACommand() {
		this.contextRunner.withPropertyValues("ratchet.command=status")
			.run((context) -> assertThat(context).doesNotHaveBean(BackgroundMigrationRunner.class));
	}

	@Test
	void backsOffFromAUserDefinedRunner() {
		this.contextRunner.withBean("myRunner", BackgroundMigrationRunner.class, () -> new BackgroundMigrationRunner(null))
			.run((context) -> assertThat(context).getBean(BackgroundMigrationRunner.class)
				.isSameAs(context.getBean("myRunner")));
	}

	private static DataSource unreachable() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/nothing");
		return dataSource;
	}

}
