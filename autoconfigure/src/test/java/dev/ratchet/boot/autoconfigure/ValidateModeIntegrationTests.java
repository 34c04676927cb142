package dev.ratchet.boot.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.ValidationException;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@code ratchet.mode=validate}: apply nothing, fail start-up on anything
 * invalid, allow pending work, log drift.
 */
@ExtendWith(OutputCaptureExtension.class)
class ValidateModeIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class));

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations).write("V1__create_session.sql",
				"CREATE TABLE session (id bigint PRIMARY KEY);");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void startsWithPendingMigrationsAndAppliesNothing() {
		migrated();
		this.files.write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Sql.exists(this.db, "chatbot")).isFalse();
			});
	}

	@Test
	void failsStartupWhenAnAppliedMigrationChanged() {
		migrated();
		this.files.write("V1__create_session.sql", "CREATE TABLE session (id bigint PRIMARY KEY, user_id bigint);");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("V1__create_session.sql"));
	}

	@Test
	void doesNotUseTheMigrationStrategy() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> ratchet.migrate())
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Sql.exists(this.db, "session")).isFalse();
			});
	}

	@Test
	void logsDriftFromRatchetsSnapshot(CapturedOutput output) {
		migrated();
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Schema \"public\" differs from the snapshot Ratchet took after its run of ")
			.contains("  column session.source added: text");
	}

	private void migrated() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> assertThat(Sql.exists(this.db, "session")).isTrue());
	}

}
