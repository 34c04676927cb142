package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Applying migrations to a real PostgreSQL: order, history, atomicity, retries, repeatables.
 */
class MigrateIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void appliesVersionedMigrationsInVersionOrderAndRecordsHistory() {
		this.db.files().write("V1.10__third.sql", "ALTER TABLE item ADD COLUMN price numeric;")
			.write("V1.9__second.sql", "ALTER TABLE item ADD COLUMN name text;")
			.write("V1__create_item_table.sql", "CREATE TABLE item (id bigint PRIMARY KEY);");
		MigrateResult result = this.db.ratchet().migrate();
		assertThat(result.appliedCount()).isEqualTo(3);
		assertThat(result.initialVersion()).isNull();
		assertThat(result.currentVersion()).hasToString("1.10");
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1", "1.9", "1.10");
		assertThat(Sql.column(this.db,
				"SELECT description || '|' || type || '|' || script || '|' || success || '|' || installed_by"
						+ " FROM ratchet_history WHERE version = '1'"))
			.containsExactly("create item table|SQL|V1__create_item_table.sql|true|postgres");
		assertThat(Sql.column(this.db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'item'"
				+ " ORDER BY ordinal_position")).containsExactly("id", "name", "price");
	}

	@Test
	void secondRunAppliesNothing() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		this.db.ratchet().migrate();
		MigrateResult second = this.db.ratchet().migrate();
		assertThat(second.appliedCount()).isZero();
		assertThat(second.currentVersion()).hasToString("1");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history")).isEqualTo(1);
	}

	@Test
	void failingStatementMidFileLeavesNoTableAndNoHistoryRow() {
		this.db.files().write("V1__ok.sql", "CREATE TABLE ok (id int);")
			.write("V2__broken.sql", """
					CREATE TABLE half (id int);
					INSERT INTO half VALUES (1);

					CREATE TABLE session (
					    id text PRIMARY KEY,
					    expires timestmptz
					);
					""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("V2__broken.sql", "line 6", "type \"timestmptz\" does not exist",
						"SQLSTATE 42704", "CREATE TABLE session", "rolled back");
				assertThat(ex.getFailure().line()).isEqualTo(6);
				assertThat(ex.getFailure().sqlState()).isEqualTo("42704");
				assertThat(ex.isTransactional()).isTrue();
			});
		assertThat(Sql.exists(this.db, "ok")).isTrue();
		assertThat(Sql.exists(this.db, "half")).isFalse();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
	}

	@Test
	void fixedMigrationIsRetriedWithoutRepair() {
		this.db.files().write("V1__session.sql", "CREATE TABLE session (id text, expires timestmptz);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate());
		this.db.files().write("V1__session.sql", "CREATE TABLE session (id text, expires timestamptz);");
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.exists(this.db, "session")).isTrue();
		assertThat(this.db.ratchet().status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void historyRowIsWrittenInTheMigrationsTransaction() {
		// A deferred constraint fails at commit, after the history row was inserted: both must vanish.
		this.db.files().write("V1__deferred.sql", """
				CREATE TABLE parent (id int PRIMARY KEY);
				CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
				INSERT INTO child VALUES (42);
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.withMessageContaining("23503");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history")).isZero();
		assertThat(Sql.exists(this.db, "parent")).isFalse();
	}

	@Test
	void repeatablesRunAfterVersionedAndAgainWhenChanged() {
		this.db.files().write("R__item_view.sql", "CREATE OR REPLACE VIEW item_view AS SELECT id FROM item;")
			.write("V1__item.sql", "CREATE TABLE item (id int, name text);");
		assertThat(this.db.ratchet().migrate().applied()).extracting((e) -> e.migration().script())
			.containsExactly("V1__item.sql", "R__item_view.sql");
		assertThat(this.db.ratchet().migrate().appliedCount()).isZero();
		this.db.files().write("R__item_view.sql", "CREATE OR REPLACE VIEW item_view AS SELECT id, name FROM item;");
		assertThat(this.db.ratchet().status().migrations()).filteredOn((m) -> m.type() == MigrationType.REPEATABLE)
			.extracting(MigrationInfo::state)
			.containsExactly(MigrationState.OUTDATED);
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.column(this.db, "SELECT column_name FROM information_schema.columns"
				+ " WHERE table_name = 'item_view' ORDER BY ordinal_position")).containsExactly("id", "name");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'REPEATABLE'")).isEqualTo(2);
	}

	@Test
	void placeholdersAreReplacedIncludingBuiltIns() {
		this.db.files().write("V1__owner.sql", """
				CREATE TABLE item (id int);
				COMMENT ON TABLE item IS '${team} in ${ratchet:schema}';
				""");
		new Ratchet(this.db.configure()
			.placeholders(java.util.Map.of("team", "shop"))
			.build()).migrate();
		assertThat(Sql.column(this.db, "SELECT obj_description('item'::regclass)")).containsExactly("shop in public");
	}

	@Test
	void undefinedPlaceholderIsAnErrorBeforeAnythingIsApplied() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);")
			.write("V2__b.sql", "CREATE TABLE b (id int);\nCOMMENT ON TABLE b IS '${owner}';");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.withMessageContaining("V2__b.sql")
			.withMessageContaining("line 2")
			.withMessageContaining("owner");
		assertThat(Sql.exists(this.db, "a")).isFalse();
	}

	@Test
	void transactionControlInAMigrationIsRejectedBeforeAnythingIsApplied() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);\ncommit;\nCREATE TABLE b (id int);");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.withMessageContaining("V1__a.sql line 2")
			.withMessageContaining("Remove BEGIN/COMMIT");
		assertThat(Sql.exists(this.db, "a")).isFalse();
	}

	@Test
	void wrappingBeginAndCommitAreLeftOutSoTheScriptCommitsWithItsHistoryRow() {
		this.db.files().write("V1__a.sql", "-- generated\nBEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\nCOMMIT;\n")
			.write("V2__b.sql", "start transaction;\nCREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\ncommit work;");
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(2);
		// One transaction wrote each table's row and its history row: the script's COMMIT did not run.
		assertThat(Sql.column(this.db, "SELECT (SELECT xmin::text FROM a) = h.xmin::text FROM ratchet_history h "
				+ "WHERE script = 'V1__a.sql' UNION ALL SELECT (SELECT xmin::text FROM b) = h.xmin::text "
				+ "FROM ratchet_history h WHERE script = 'V2__b.sql'"))
			.containsExactly("t", "t");
	}

	@Test
	void migrationWithoutStatementsIsAppliedAsANoOpWithALintWarning() {
		this.db.files().write("V1__todo.sql", "-- TODO write this; later\n/* nothing; yet */\n")
			.write("V2__empty.sql", "")
			.write("V3__semicolons.sql", ";\n;;\n")
			.write("V4__table.sql", "CREATE TABLE after_empty (id int);");
		assertThat(this.db.ratchet().lint().warnings()).filteredOn((finding) -> finding.rule().equals("script.no-statement"))
			.extracting((finding) -> finding.script() + ":" + finding.line())
			.containsExactly("V1__todo.sql:1", "V2__empty.sql:1", "V3__semicolons.sql:1");
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(4);
		assertThat(Sql.column(this.db, "SELECT script || '|' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("V1__todo.sql|true", "V2__empty.sql|true", "V3__semicolons.sql|true", "V4__table.sql|true");
		assertThat(Sql.exists(this.db, "after_empty")).isTrue();
	}

	@Test
	void javaMigrationsRunInVersionOrderAmongSqlMigrations() {
		this.db.files().write("V2__chatbot.sql", "CREATE TABLE chatbot (id int PRIMARY KEY, version int);")
			.write("V3__not_null.sql", "ALTER TABLE chatbot ALTER COLUMN version SET NOT NULL;");
		JavaMigration backfill = new TestJavaMigration("2.1", "backfill chatbot versions", (context) -> {
			try (var statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO chatbot VALUES (1, NULL), (2, NULL)");
				statement.execute("UPDATE chatbot SET version = 1");
			}
		});
		MigrateResult result = new Ratchet(this.db.configure()
			.javaMigrations(backfill)
			.build()).migrate();
		assertThat(result.applied()).extracting((e) -> e.migration().version().toString())
			.containsExactly("2", "2.1", "3");
		assertThat(Sql.column(this.db, "SELECT type FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("SQL", "JAVA", "SQL");
	}

	@Test
	void failingJavaMigrationRollsBackWithItsHistoryRow() {
		this.db.files().write("V1__t.sql", "CREATE TABLE t (id int);");
		JavaMigration failing = new TestJavaMigration("2", "fill t", (context) -> {
			try (var statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO t VALUES (1)");
			}
			throw new IllegalStateException("creator has no associated user");
		});
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> new Ratchet(this.db.configure()
				.javaMigrations(failing)
				.build()).migrate())
			.withMessageContaining("creator has no associated user")
			.withMessageContaining("rolled back");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM t")).isZero();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
	}

	@Test
	void customSchemaAndTableAreCreatedAndUsedForUnqualifiedObjects() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		MigrateResult result = new Ratchet(this.db.configure()
			.schema("shop")
			.table("schema_history")
			.build()).migrate();
		assertThat(result.schema()).isEqualTo("shop");
		assertThat(Sql.exists(this.db, "shop.a")).isTrue();
		assertThat(Sql.exists(this.db, "public.a")).isFalse();
		assertThat(Sql.column(this.db, "SELECT version FROM shop.schema_history")).containsExactly("1");
	}

	@Test
	void pooledConnectionIsHandedBackAsItWas() throws Exception {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		SingleConnectionDataSource single = new SingleConnectionDataSource(this.db.connect());
		try (var statement = single.connection().createStatement()) {
			statement.execute("SET application_name = 'shop-app'");
		}
		single.connection().setAutoCommit(false);
		new Ratchet(RatchetConfiguration.builder(single).locations(this.db.files().location()).schema("other").build())
			.status();
		assertThat(single.connection().getAutoCommit()).isFalse();
		single.connection().setAutoCommit(true);
		try (var statement = single.connection().createStatement();
				var rs = statement.executeQuery("SELECT current_setting('application_name'), current_setting('search_path')")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("shop-app");
			assertThat(rs.getString(2)).isEqualTo("\"$user\", public");
		}
		single.connection().close();
	}

	@Test
	void failingListenerDoesNotBreakTheRun() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		List<MigrationEvent> seen = new java.util.ArrayList<>();
		MigrateResult result = new Ratchet(this.db.configure()
			.listeners((event) -> {
				throw new IllegalStateException("listener bug");
			}, seen::add)
			.build()).migrate();
		assertThat(result.appliedCount()).isEqualTo(1);
		assertThat(seen).hasExactlyElementsOfTypes(MigrationEvent.RunStarted.class, MigrationEvent.LockAcquired.class,
				MigrationEvent.MigrationStarted.class, MigrationEvent.MigrationApplied.class,
				MigrationEvent.RunCompleted.class);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
	}

}
