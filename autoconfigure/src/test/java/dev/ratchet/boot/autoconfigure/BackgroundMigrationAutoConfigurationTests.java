package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

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
		.withBean(DataSource.class, RatchetAutoConfigurationTests::unreachable)
		.withBean(RatchetMigrationInitializer.class, () -> new RatchetMigrationInitializer(null, (ratchet) -> {
		}));

	@Test
	void runsBackgroundMigrationsAfterStartupByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(BackgroundMigrationRunner.class));
	}

	@Test
	void runsNoBackgroundMigrationsInValidateMode() {
		assertNoRunner(this.contextRunner.withPropertyValues("ratchet.mode=validate"));
	}

	@Test
	void runsNoBackgroundMigrationsWithACustomStrategy() {
		assertNoRunner(this.contextRunner.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> {
		}));
	}

	@Test
	void runsNoBackgroundMigrationsForACommand() {
		assertNoRunner(this.contextRunner.withPropertyValues("ratchet.command=status"));
	}

	@Test
	void backsOffFromAUserDefinedRunner() {
		this.contextRunner.withBean("myRunner", BackgroundMigrationRunner.class, () -> new BackgroundMigrationRunner(null))
			.run((context) -> assertThat(context).getBean(BackgroundMigrationRunner.class)
				.isSameAs(context.getBean("myRunner")));
	}

	private static void assertNoRunner(ApplicationContextRunner runner) {
		runner.run((context) -> assertThat(context).doesNotHaveBean(BackgroundMigrationRunner.class));
	}

}
