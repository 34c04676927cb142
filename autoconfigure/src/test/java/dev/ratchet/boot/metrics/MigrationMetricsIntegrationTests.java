package dev.ratchet.boot.metrics;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMetricsAutoConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link MigrationMetrics}: meter values after real runs, the start-up run
 * included.
 */
class MigrationMetricsIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class, RatchetMetricsAutoConfiguration.class));

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations)
			.write("V1__create_session_table.sql", "CREATE TABLE session (id bigint PRIMARY KEY);")
			.write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);")
			.write("R__chatbot_view.sql", "CREATE OR REPLACE VIEW chatbot_names AS SELECT name FROM chatbot;");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void startupRunIsCounted() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(MeterRegistry.class, () -> this.registry)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(applied("SQL", "success")).isEqualTo(2);
				assertThat(applied("REPEATABLE", "success")).isEqualTo(1);
				assertThat(this.registry.get("ratchet.migration.duration").tag("type", "SQL").tag("outcome", "success")
					.timer()
					.count()).isEqualTo(2);
				assertThat(this.registry.get("ratchet.lock.wait").timer().count()).isEqualTo(1);
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isZero();
			});
	}

	@Test
	void runWithAFailureIsCountedByOutcome() {
		this.files.write("V3__add_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner user_name;");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(MeterRegistry.class, () -> this.registry)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> assertThat(context).getFailure().hasCauseInstanceOf(MigrationFailedException.class));
		assertThat(applied("SQL", "success")).isEqualTo(2);
		assertThat(applied("SQL", "failure")).isEqualTo(1);
		assertThat(this.registry.find("ratchet.migrations.applied").tag("type", "REPEATABLE").counter()).isNull();
		assertThat(this.registry.get("ratchet.migration.duration").tag("type", "SQL").tag("outcome", "failure")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("ratchet.lock.wait").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("ratchet.migrations.applied").meters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting("key")
				.containsExactlyInAnyOrder("type", "outcome"));
	}

	@Test
	void pendingGaugeFollowsStatusReadsOfThisInstance() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(MeterRegistry.class, () -> this.registry)
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> {
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isEqualTo(3);
				new Ratchet(RatchetConfiguration.builder(this.db.dataSource()).locations(this.files.location()).build())
					.migrate();
				context.getBean(Ratchet.class).status();
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isZero();
				assertThat(this.registry.find("ratchet.migrations.applied").counter()).as("another instance's run")
					.isNull();
			});
	}

	private double applied(String type, String outcome) {
		return this.registry.get("ratchet.migrations.applied").tag("type", type).tag("outcome", outcome).counter().count();
	}

}
