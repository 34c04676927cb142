package dev.ratchet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ratchet.mixed}: files that mix statements PostgreSQL refuses inside a transaction with
 * others, as services coming from Flyway's {@code mixed=true} have them.
 */
class MixedMigrationIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private MigrationFiles files;

	@BeforeEach
	void writeMigrations() {
		this.files = this.db.files().write("V1__mixed.sql", """
				CREATE TABLE message (id int);
				INSERT INTO message SELECT generate_series(1, 100);
				CREATE INDEX CONCURRENTLY message_idx ON message (id);
				""");
	}

	private Ratchet ratchet(boolean mixed) {
		return new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.files.location())
			.mixed(mixed)
			.build());
	}

	@Test
	void mixedFileRunsWithoutATransactionWhenAllowed() {
		MigrateResult result = ratchet(true).migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::transactional).containsExactly(false);
		assertThat(Sql.column(this.db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'message_idx'::regclass"))
			.containsExactly("t");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM message")).isEqualTo(100);
		assertThat(Sql.column(this.db, "SELECT success FROM ratchet_history")).containsExactly("t");
	}

	@Test
	void failureInAMixedFileLeavesAFailedEntryAsNonTransactionalMigrationsDo() {
		this.files.write("V1__mixed.sql", """
				CREATE TABLE message (id int);
				CREATE INDEX CONCURRENTLY message_idx ON message (id);
				INSERT INTO missing VALUES (1);
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> ratchet(true).migrate())
			.satisfies((ex) -> assertThat(ex.isTransactional()).isFalse());
		assertThat(Sql.exists(this.db, "message")).isTrue();
		assertThat(Sql.column(this.db, "SELECT success FROM ratchet_history")).containsExactly("f");
	}

	@Test
	void mixedFileIsRefusedByDefault() {
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> ratchet(false).migrate())
			.withMessageContaining("mixes CREATE INDEX CONCURRENTLY (line 3)")
			.withMessageContaining("ratchet.mixed=true");
		assertThat(Sql.exists(this.db, "message")).isFalse();
	}

}
