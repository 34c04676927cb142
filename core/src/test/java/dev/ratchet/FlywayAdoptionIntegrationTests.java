package dev.ratchet;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Taking over a database that Flyway itself migrated (Flyway is a test dependency): the history
 * is adopted with nothing lost, checksums verified against the files.
 */
class FlywayAdoptionIntegrationTests {

	private static final String FLYWAY_ROWS = """
			SELECT installed_rank || '|' || coalesce(version, '') || '|' || description || '|' || script || '|'
			       || installed_by || '|' || installed_on::timestamptz || '|' || execution_time || '|' || success
			FROM flyway_schema_history ORDER BY installed_rank""";

	private static final String RATCHET_ROWS = """
			SELECT installed_rank || '|' || coalesce(version, '') || '|' || description || '|' || script || '|'
			       || installed_by || '|' || installed_on || '|' || execution_time || '|' || success
			FROM ratchet_history ORDER BY installed_rank""";

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase()
		// a byte order mark and Windows line endings: Flyway's checksum ignores both
		.withMigration("V1__create_account.sql", "\uFEFF-- accounts\r\nCREATE TABLE account (id int PRIMARY KEY);\r\n")
		.withMigration("V1_1__add_name.sql", "ALTER TABLE account ADD COLUMN name text;\n\n-- trailing comment, no newline")
		.withMigration("billing/V2__create_invoice.sql",
				"CREATE TABLE invoice (id int PRIMARY KEY, account int REFERENCES account, note text DEFAULT 'ü');\n")
		.withMigration("R__account_names.sql", "CREATE OR REPLACE VIEW account_names AS SELECT name FROM account;\n");

	private Flyway flyway() {
		return Flyway.configure()
			.dataSource(this.db.url(), this.db.username(), this.db.password())
			.locations(this.db.files().location())
			.load();
	}

	private Ratchet ratchet() {
		return ratchet(RatchetConfiguration.builder(this.db.dataSource()));
	}

	private Ratchet ratchet(RatchetConfiguration.Builder builder) {
		return new Ratchet(builder.locations(this.db.files().location()).build());
	}

	private static Map<String, MigrationState> states(StatusReport report) {
		return report.migrations()
			.stream()
			.collect(Collectors.toMap(MigrationInfo::script, MigrationInfo::state, (a, b) -> b));
	}

	@Test
	void migrateAdoptsFlywaysHistoryKeepingEveryRowAndVerifyingChecksums() {
		flyway().migrate();
		List<String> flywayRows = Sql.column(this.db, FLYWAY_ROWS);
		assertThat(flywayRows).hasSize(4);
		Ratchet ratchet = ratchet();
		MigrateResult result = ratchet.migrate();
		assertThat(result.applied()).isEmpty();
		assertThat(Sql.column(this.db, RATCHET_ROWS)).containsExactlyElementsOf(flywayRows);
		assertThat(Sql.column(this.db, "SELECT type FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("SQL", "SQL", "SQL", "REPEATABLE");
		StatusReport status = ratchet.status();
		assertThat(status.status()).isEqualTo(SchemaStatus.UP_TO_DATE);
		assertThat(status.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.APPLIED);
		// Ratchet's own checksums of the files, recorded because Flyway's matched
		Map<String, String> checksums = status.migrations()
			.stream()
			.collect(Collectors.toMap(MigrationInfo::script, MigrationInfo::checksum));
		assertThat(Sql.column(this.db, "SELECT script || '=' || checksum FROM ratchet_history"))
			.allSatisfy((row) -> assertThat(checksums.get(row.substring(0, row.indexOf('='))))
				.isEqualTo(row.substring(row.indexOf('=') + 1)));
		assertThat(Sql.column(this.db, FLYWAY_ROWS)).containsExactlyElementsOf(flywayRows);
		this.db.files().write("V3__add_email.sql", "ALTER TABLE account ADD COLUMN email text;");
		assertThat(ratchet().migrate().applied()).extracting((m) -> m.migration().script())
			.containsExactly("V3__add_email.sql");
		assertThat(Sql.number(this.db, "SELECT max(installed_rank) FROM ratchet_history")).isEqualTo(5);
	}

	@Test
	void statusBeforeAdoptionReportsTheFlywayHistoryAndWritesNothing() {
		flyway().migrate();
		StatusReport status = ratchet().status();
		assertThat(status.problems()).isEmpty();
		assertThat(status.currentVersion()).hasToString("2");
		assertThat(status.migrations()).extracting(MigrationInfo::installedBy).doesNotContainNull();
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void anEditedFileIsChangedAfterAdoptionUntilRepair() {
		flyway().migrate();
		this.db.files().write("billing/V2__create_invoice.sql", "CREATE TABLE invoice (id bigint PRIMARY KEY);\n");
		Ratchet ratchet = ratchet();
		AdoptResult adopted = ratchet.adopt();
		assertThat(adopted.isAdopted()).isTrue();
		assertThat(adopted.tool()).isEqualTo("Flyway");
		assertThat(adopted.table()).isEqualTo("\"public\".\"flyway_schema_history\"");
		assertThat(adopted.adopted()).isEqualTo(4);
		assertThat(adopted.changed()).containsExactly("billing/V2__create_invoice.sql");
		assertThat(adopted.needsRepair()).isTrue();
		assertThat(states(ratchet.status())).containsEntry("billing/V2__create_invoice.sql", MigrationState.CHANGED)
			.containsEntry("V1__create_account.sql", MigrationState.APPLIED);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("billing/V2__create_invoice.sql");
		assertThat(ratchet.repair().realignedChecksums()).containsExactly("billing/V2__create_invoice.sql");
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void anEditedRepeatableIsAppliedAgainAfterAdoption() {
		flyway().migrate();
		this.db.files().write("R__account_names.sql",
				"CREATE OR REPLACE VIEW account_names AS SELECT name FROM account WHERE name IS NOT NULL;\n");
		Ratchet ratchet = ratchet();
		assertThat(states(ratchet.status())).containsEntry("R__account_names.sql", MigrationState.OUTDATED);
		assertThat(ratchet.migrate().applied()).extracting((m) -> m.migration().script())
			.containsExactly("R__account_names.sql");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'REPEATABLE'")).isEqualTo(2);
	}

	@Test
	void aFlywayBaselineIsAdoptedAsABaseline() throws Exception {
		Sql.execute(this.db, "CREATE TABLE account (id int PRIMARY KEY, name text)");
		Flyway.configure()
			.dataSource(this.db.url(), this.db.username(), this.db.password())
			.locations(this.db.files().location())
			.baselineOnMigrate(true)
			.baselineVersion("1.1")
			.load()
			.migrate();
		Ratchet ratchet = ratchet();
		ratchet.migrate();
		assertThat(Sql.column(this.db, "SELECT type || ' ' || version FROM ratchet_history WHERE version IS NOT NULL "
				+ "ORDER BY installed_rank")).containsExactly("BASELINE 1.1", "SQL 2");
		Map<String, MigrationState> states = states(ratchet.status());
		assertThat(states).containsEntry("V1__create_account.sql", MigrationState.BELOW_BASELINE)
			.containsEntry("V1_1__add_name.sql", MigrationState.BELOW_BASELINE)
			.containsEntry("billing/V2__create_invoice.sql", MigrationState.APPLIED);
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void aMigrationFlywayRecordedAsFailedBlocksUntilRepair() {
		this.db.files()
			.write("V3__index_concurrently.sql", "CREATE INDEX CONCURRENTLY account_missing ON no_such_table (id);\n");
		Throwable flywayFailure = catchThrowable(() -> flyway().migrate());
		assertThat(flywayFailure).isInstanceOf(FlywayException.class);
		if (Sql.number(this.db, "SELECT count(*) FROM flyway_schema_history WHERE NOT success") == 0) {
			// Flyway 12 keeps no failed row of this migration; write the row that other Flyway versions leave
			Sql.execute(this.db, "INSERT INTO flyway_schema_history VALUES (4, '3', 'index concurrently', 'SQL', "
					+ "'V3__index_concurrently.sql', 1, 'app', now(), 3, false)");
		}
		Ratchet ratchet = ratchet();
		AdoptResult adopted = ratchet.adopt();
		assertThat(adopted.failed()).containsExactly("V3__index_concurrently.sql");
		assertThat(states(ratchet.status())).containsEntry("V3__index_concurrently.sql", MigrationState.FAILED);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("V3__index_concurrently.sql")
			.withMessageContaining("repair");
		this.db.files()
			.write("V3__index_concurrently.sql", "CREATE INDEX CONCURRENTLY account_name ON account (name);\n");
		Ratchet fixed = ratchet();
		assertThat(fixed.repair().removedFailures()).containsExactly("V3__index_concurrently.sql");
		// the repeatable was never reached by Flyway, so it comes after the fixed migration
		assertThat(fixed.migrate().applied()).extracting((m) -> m.migration().script())
			.containsExactly("V3__index_concurrently.sql", "R__account_names.sql");
	}

	@Test
	void undoneAndDeletedVersionsAndTheSchemaMarkerAreLeftOut() {
		flyway().migrate();
		// rows Flyway Teams writes: an undo of version 2 and a delete marker of version 1.1, plus a schema marker
		Sql.execute(this.db, "INSERT INTO flyway_schema_history VALUES (0, NULL, '<< Flyway Schema Creation >>', "
				+ "'SCHEMA', '\"public\"', NULL, 'app', now(), 0, true)");
		Sql.execute(this.db, "INSERT INTO flyway_schema_history VALUES (5, '2', 'create invoice', 'UNDO_SQL', "
				+ "'billing/U2__create_invoice.sql', 7, 'app', now(), 2, true)");
		Sql.execute(this.db, "DROP TABLE invoice");
		Ratchet ratchet = ratchet();
		AdoptResult adopted = ratchet.adopt();
		assertThat(adopted.adopted()).isEqualTo(3);
		assertThat(adopted.notes()).anySatisfy((note) -> assertThat(note).contains("UNDO_SQL").contains("pending again"))
			.anySatisfy((note) -> assertThat(note).contains("schema creation marker"));
		assertThat(states(ratchet.status())).containsEntry("billing/V2__create_invoice.sql", MigrationState.PENDING);
		assertThat(ratchet.migrate().applied()).extracting((m) -> m.migration().script())
			.containsExactly("billing/V2__create_invoice.sql");
	}

	@Test
	void withAdoptionOffAFlywaySchemaIsRefusedAsBefore() {
		flyway().migrate();
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).adoptEnabled(false));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("has no migration history");
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.INVALID);
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void aFlywayTableOfAnotherNameIsAdoptedWhenConfigured() {
		Flyway.configure()
			.dataSource(this.db.url(), this.db.username(), this.db.password())
			.locations(this.db.files().location())
			.table("schema_version")
			.load()
			.migrate();
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).adoptFlywayTable("schema_version"));
		AdoptResult adopted = ratchet.adopt();
		assertThat(adopted.table()).isEqualTo("\"public\".\"schema_version\"");
		assertThat(ratchet.adopt().isAdopted()).as("a second adoption finds Ratchet's history").isFalse();
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void adoptWithoutForeignHistoryAdoptsNothing() throws Exception {
		AdoptResult result = ratchet().adopt();
		assertThat(result.isAdopted()).isFalse();
		assertThat(result.notes()).singleElement().asString().contains("flyway_schema_history")
			.contains("_prisma_migrations");
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
		assertThat(Files.exists(this.db.files().directory())).isTrue();
	}

}
