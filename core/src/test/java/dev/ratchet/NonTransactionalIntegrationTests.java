package dev.ratchet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations PostgreSQL refuses inside a transaction: detected, run statement by statement, and
 * blocking after a part-way failure until repaired.
 */
class NonTransactionalIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void createIndexConcurrentlyOnATableWithDataRunsWithoutATransaction() {
		this.db.files().write("V1__messages.sql", """
				CREATE TABLE message (id bigint GENERATED ALWAYS AS IDENTITY, conversation_id bigint, body text);
				INSERT INTO message (conversation_id, body) SELECT g % 100, 'hello' FROM generate_series(1, 20000) g;
				""")
			.write("V2__index_messages.sql", """
					SET lock_timeout = '5s';
					CREATE INDEX CONCURRENTLY message_conversation_idx ON message (conversation_id);
					""");
		MigrateResult result = this.db.ratchet().migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::transactional).containsExactly(true, false);
		assertThat(Sql.column(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'message_conversation_idx'::regclass"))
			.containsExactly("t");
		assertThat(Sql.column(this.db, "SELECT success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("t", "t");
	}

	@Test
	void mixedFileIsAnErrorThatSaysHowToSplitIt() {
		this.db.files().write("V1__mixed.sql", """
				CREATE TABLE message (id int);
				CREATE INDEX CONCURRENTLY message_idx ON message (id);
				""");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.withMessageContaining("V1__mixed.sql mixes CREATE INDEX CONCURRENTLY (line 2)")
			.withMessageContaining("(line 1)")
			.withMessageContaining("Split it");
		assertThat(Sql.exists(this.db, "message")).isFalse();
	}

	@Test
	void directiveRunsAnyMigrationWithoutATransaction() {
		this.db.files().write("V1__no_tx.sql", """
				-- ratchet:no-transaction
				CREATE TABLE a (id int);
				CREATE TABLE b (id int);
				CREATE TABLE a (id int);
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.satisfies((ex) -> {
				assertThat(ex.isTransactional()).isFalse();
				assertThat(ex.getFailure().line()).isEqualTo(4);
				assertThat(ex.getMessage()).contains("stay applied", "repair");
			});
		// Statements before the failing one stay: that is what "no transaction" means.
		assertThat(Sql.exists(this.db, "b")).isTrue();
		assertThat(Sql.column(this.db, "SELECT success || ' ' || failure FROM ratchet_history"))
			.singleElement().asString().startsWith("false line 4: SQLSTATE 42P07");
	}

	@Test
	void failedNonTransactionalMigrationBlocksLaterRunsUntilRepaired() {
		Sql.execute(this.db, "CREATE TABLE message (id int); INSERT INTO message VALUES (1), (1)");
		this.db.files().write("V1__unique.sql", "CREATE UNIQUE INDEX CONCURRENTLY message_id_idx ON message (id);");
		Ratchet ratchet = new Ratchet(this.db.configure()
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("23505");
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.FAILED);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("V1__unique.sql failed part-way")
			.withMessageContaining("run repair");
		// The user cleans up: the invalid index the failed CONCURRENTLY build left, and the duplicate row.
		Sql.execute(this.db, "DROP INDEX IF EXISTS message_id_idx; DELETE FROM message WHERE ctid <> (SELECT min(ctid) FROM message)");
		assertThat(ratchet.repair().removedFailures()).containsExactly("V1__unique.sql");
		assertThat(ratchet.migrate().appliedCount()).isEqualTo(1);
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void repairedFirstMigrationIsRetriedOverItsLeftovers() {
		this.db.files().write("V1__no_tx.sql", """
				-- ratchet:no-transaction
				CREATE TABLE a (id int);
				CREATE TABLE a (id int);
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate());
		assertThat(this.db.ratchet().repair().removedFailures()).containsExactly("V1__no_tx.sql");
		// The history table is empty but exists: the schema is known, so the leftover table is no reason to refuse.
		this.db.files().write("V1__no_tx.sql", """
				-- ratchet:no-transaction
				CREATE TABLE IF NOT EXISTS a (id int);
				CREATE TABLE b (id int);
				""");
		assertThat(this.db.ratchet().status().isValid()).isTrue();
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.exists(this.db, "b")).isTrue();
	}

}
