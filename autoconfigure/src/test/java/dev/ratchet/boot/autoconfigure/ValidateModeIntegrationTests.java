package dev.ratchet.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ratchet.ValidationException;
import dev.ratchet.boot.test.SessionTableStartupTests;
import dev.ratchet.test.Sql;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@code ratchet.mode=validate}: apply nothing, fail start-up on anything
 * invalid, allow pending work, log drift.
 */
@ExtendWith(OutputCaptureExtension.class)
class ValidateModeIntegrationTests extends SessionTableStartupTests {

	@Test
	void startsWithPendingMigrationsAndAppliesNothing() {
		migrated();
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		withDataSource()
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Sql.exists(this.db, "chatbot")).isFalse();
			});
	}

	@Test
	void failsStartupWhenAnAppliedMigrationChanged() {
		migrated();
		this.db.files().write("V1__create_session.sql", "CREATE TABLE session (id bigint PRIMARY KEY, user_id bigint);");
		withDataSource()
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("V1__create_session.sql"));
	}

	@Test
	void doesNotUseTheMigrationStrategy() {
		withDataSource()
			.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> ratchet.migrate())
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Sql.exists(this.db, "session")).isFalse();
			});
	}

	@Test
	void logsDriftFromRatchetsSnapshot(CapturedOutput output) {
		migrated();
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
		withDataSource()
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Schema \"public\" differs from the snapshot Ratchet took after its run of ")
			.contains("  column session.source added: text");
	}

	private void migrated() {
		withDataSource()
			.run((context) -> assertThat(Sql.exists(this.db, "session")).isTrue());
	}

}
