package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code undo}: U scripts run newest first, each with its history row, on a real database; refused
 * whole when any step cannot be done.
 */
class UndoIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase()
		.withMigration("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);")
		.withMigration("V2__email.sql", "ALTER TABLE users ADD COLUMN email text;")
		.withMigration("U2__email.sql", "ALTER TABLE users DROP COLUMN email;")
		.withMigration("V3__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);")
		.withMigration("U3__orders.sql", "DROP TABLE orders;");

	private Ratchet ratchet() {
		return ratchet(RatchetConfiguration.DEFAULT_TARGET);
	}

	private Ratchet ratchet(String target) {
		return new Ratchet(this.db.configure().target(target).build());
	}

	private List<String> history() {
		return Sql.column(this.db, "SELECT installed_rank || ' ' || type || ' ' || version || ' ' || script "
				+ "FROM ratchet_history ORDER BY installed_rank");
	}

	@Test
	void undoRunsUndoScriptsNewestFirstAndKeepsBothFactsInTheHistory() {
		ratchet().migrate();
		UndoResult result = ratchet().undo("1");
		assertThat(result.undone()).extracting((step) -> step.migration().script())
			.containsExactly("U3__orders.sql", "U2__email.sql");
		assertThat(result.initialVersion()).hasToString("3");
		assertThat(result.currentVersion()).hasToString("1");
		assertThat(Sql.exists(this.db, "orders")).isFalse();
		assertThat(Sql.column(this.db, "SELECT attname FROM pg_attribute WHERE attrelid = 'users'::regclass "
				+ "AND attnum > 0 AND NOT attisdropped")).containsExactly("id");
		assertThat(history()).containsExactly("1 SQL 1 V1__users.sql", "2 SQL 2 V2__email.sql",
				"3 SQL 3 V3__orders.sql", "4 UNDO_SQL 3 U3__orders.sql", "5 UNDO_SQL 2 U2__email.sql");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'UNDO_SQL' "
				+ "AND installed_by = current_user AND installed_on IS NOT NULL AND execution_time >= 0")).isEqualTo(2);
	}

	@Test
	void undoneVersionsAreUndoneInTheStatusAndPendingAgainForMigrate() {
		ratchet().migrate();
		ratchet().undo("1");
		StatusReport status = ratchet().status();
		assertThat(status.currentVersion()).hasToString("1");
		assertThat(status.migrations()).extracting((info) -> info.version() + " " + info.state())
			.containsExactly("1 APPLIED", "2 UNDONE", "3 UNDONE");
		assertThat(status.pendingCount()).isEqualTo(2);
		assertThat(status.isValid()).isTrue();
		MigrateResult again = ratchet().migrate();
		assertThat(again.applied()).extracting((step) -> step.migration().script())
			.containsExactly("V2__email.sql", "V3__orders.sql");
		assertThat(Sql.exists(this.db, "orders")).isTrue();
		assertThat(ratchet().status().migrations()).extracting((info) -> info.version() + " " + info.state())
			.containsExactly("1 APPLIED", "2 APPLIED", "3 APPLIED");
		// And undone once more: the undo checksum was stored again with the second application.
		assertThat(ratchet().undo("2").undone()).hasSize(1);
		assertThat(ratchet().status().currentVersion()).hasToString("2");
	}

	@Test
	void statusTellsWhichAppliedMigrationsCanBeUndone() {
		ratchet().migrate();
		this.db.files().write("U3__orders.sql", "DROP TABLE orders; -- edited after it was applied");
		assertThat(ratchet().status().migrations()).extracting((info) -> info.version() + " " + info.undoable())
			.containsExactly("1 false", "2 true", "3 false");
	}

	@Test
	void repeatableAppliedBeforeAnUndoIsAppliedAgainByTheNextMigrate() {
		this.db.files().write("R__order_ids.sql", "CREATE OR REPLACE VIEW order_ids AS SELECT id FROM orders;")
			.write("U3__orders.sql", "DROP VIEW IF EXISTS order_ids;\nDROP TABLE orders;");
		ratchet().migrate();
		ratchet().undo("2");
		assertThat(ratchet().status().migrations()).extracting((info) -> info.script() + " " + info.state())
			.contains("R__order_ids.sql OUTDATED");
		assertThat(ratchet().migrate().applied()).extracting((step) -> step.migration().script())
			.containsExactly("V3__orders.sql", "R__order_ids.sql");
		assertThat(Sql.exists(this.db, "order_ids")).isTrue();
		assertThat(ratchet().status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void nonTransactionalUndoScriptRunsWithoutATransactionAndIsRecorded() {
		this.db.files().write("V4__index.sql", "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);")
			.write("U4__index.sql", "DROP INDEX CONCURRENTLY IF EXISTS users_id_idx;");
		ratchet().migrate();
		UndoResult result = ratchet().undo("3");
		assertThat(result.undone()).singleElement().satisfies((step) -> assertThat(step.transactional()).isFalse());
		assertThat(Sql.exists(this.db, "users_id_idx")).isFalse();
		assertThat(ratchet().status().migrations()).extracting((info) -> info.version() + " " + info.state())
			.contains("4 UNDONE");
	}

	@Test
	void undoneVersionsCountInTheEventsByType() {
		ratchet().migrate();
		List<MigrationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.db.files().location())
			.listeners(events::add)
			.build()).undo("1");
		assertThat(events).filteredOn(MigrationEvent.MigrationApplied.class::isInstance)
			.extracting((event) -> ((MigrationEvent.MigrationApplied) event).migration().type())
			.containsExactly(MigrationType.UNDO_SQL, MigrationType.UNDO_SQL);
	}

	@Test
	void previousUndoesExactlyTheNewestVersion() {
		ratchet().migrate();
		assertThat(ratchet().undo("previous").undone()).extracting((step) -> step.migration().version().toString())
			.containsExactly("3");
		assertThat(ratchet().undo("previous").undone()).extracting((step) -> step.migration().version().toString())
			.containsExactly("2");
		assertThat(ratchet().status().currentVersion()).hasToString("1");
	}

	@Test
	void nothingAboveTheTargetUndoesNothing() {
		ratchet().migrate();
		assertThat(ratchet().undo("3").undone()).isEmpty();
		assertThat(ratchet().undo("current").undone()).isEmpty();
		assertThat(history()).hasSize(3);
	}

	@Test
	void undoIsRefusedWholeNamingEveryProblem() {
		this.db.files().write("V4__audit.sql", "CREATE TABLE audit (id int);");
		ratchet().migrate();
		this.db.files().write("U2__email.sql", "ALTER TABLE users DROP COLUMN email; -- edited after");
		this.db.files().write("U4__audit.sql", "DROP TABLE audit;");
		this.db.files().write("V5__later.sql", "CREATE TABLE later (id int);");
		ratchet().migrate();
		this.db.files().delete("U3__orders.sql");
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet().undo("1"))
			.satisfies((ex) -> {
				assertThat(ex.getProblems()).hasSize(4);
				assertThat(ex.getMessage()).contains("nothing was undone")
					.contains("V5__later.sql (version 5) has no undo script: add U5__<description>.sql")
					.contains("Undo script U4__audit.sql was not there when V4__audit.sql (version 4) was applied")
					.contains("V3__orders.sql (version 3) has no undo script")
					.contains("Undo script U2__email.sql has changed since V2__email.sql (version 2) was applied");
			});
		assertThat(Sql.exists(this.db, "later")).isTrue();
		assertThat(Sql.exists(this.db, "orders")).isTrue();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'UNDO_SQL'")).isZero();
	}

	@Test
	void baselineAndLatestAreRefused() {
		Sql.execute(this.db, "CREATE TABLE users (id bigint PRIMARY KEY)");
		new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.db.files().location())
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.build()).migrate();
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet().undo("0"))
			.withMessageContaining("Version 1 is the baseline: a baseline cannot be undone");
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet().undo("latest"))
			.withMessageContaining("The target is latest, which undoes nothing");
		assertThat(Sql.exists(this.db, "orders")).isTrue();
	}

	@Test
	void failingUndoScriptLeavesItsVersionAppliedAndTheNewerOnesUndone() {
		this.db.files().write("U2__email.sql", "ALTER TABLE users DROP COLUMN email;\nSELECT 1/0;");
		ratchet().migrate();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> ratchet().undo("1"))
			.withMessageContaining("U2__email.sql");
		assertThat(Sql.exists(this.db, "orders")).isFalse();
		assertThat(Sql.column(this.db, "SELECT attname FROM pg_attribute WHERE attrelid = 'users'::regclass "
				+ "AND attname = 'email'")).containsExactly("email");
		assertThat(ratchet().status().migrations()).extracting((info) -> info.version() + " " + info.state())
			.containsExactly("1 APPLIED", "2 APPLIED", "3 UNDONE");
	}

	@Test
	void planOfTheUndoRunsItAndRollsItBack() {
		ratchet().migrate();
		PlanResult plan = ratchet().planUndo("1");
		assertThat(plan.migrations()).extracting((step) -> step.migration().script() + " " + step.outcome())
			.containsExactly("U3__orders.sql WOULD_SUCCEED", "U2__email.sql WOULD_SUCCEED");
		assertThat(plan.lint().findings()).extracting(LintFinding::rule, LintFinding::severity)
			.contains(org.assertj.core.groups.Tuple.tuple("risk.drop", LintSeverity.INFO));
		assertThat(plan.lint().hasErrors()).isFalse();
		assertThat(plan.lint().warnings()).noneMatch((finding) -> finding.rule().equals("risk.drop"));
		assertThat(Sql.exists(this.db, "orders")).isTrue();
		assertThat(history()).hasSize(3);
	}

	@Test
	void targetStopsMigrateAndPlanLaterOnesStayPending() {
		assertThat(ratchet("2").plan().migrations()).extracting((step) -> step.migration().script())
			.containsExactly("V1__users.sql", "V2__email.sql");
		MigrateResult result = ratchet("2").migrate();
		assertThat(result.currentVersion()).hasToString("2");
		assertThat(Sql.exists(this.db, "orders")).isFalse();
		assertThat(ratchet().status().migrations()).extracting((info) -> info.version() + " " + info.state())
			.containsExactly("1 APPLIED", "2 APPLIED", "3 PENDING");
		assertThat(ratchet("current").migrate().applied()).isEmpty();
		assertThat(ratchet().migrate().applied()).hasSize(1);
	}

	@Test
	void historyTableFromBeforeUndoIsUpgradedByTheNextMigrate() {
		this.db.files().delete("U2__email.sql").delete("U3__orders.sql").delete("V3__orders.sql");
		ratchet().migrate();
		Sql.execute(this.db, "ALTER TABLE ratchet_history DROP COLUMN undo_checksum");
		assertThat(ratchet().status().isValid()).isTrue();
		this.db.files().write("V3__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);")
			.write("U3__orders.sql", "DROP TABLE orders;");
		ratchet().migrate();
		assertThat(Sql.column(this.db, "SELECT undo_checksum IS NOT NULL FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("f", "f", "t");
		assertThat(ratchet().undo("2").undone()).hasSize(1);
	}

	@Test
	void emptyHistoryTableFromBeforeUndoIsUpgradedToo() {
		// as an earlier version left it after a repair that removed its only, failed, row
		Sql.execute(this.db, """
				CREATE TABLE ratchet_history (installed_rank integer PRIMARY KEY, version text, description text NOT NULL,
				    type text NOT NULL, script text NOT NULL, checksum text, installed_by text NOT NULL DEFAULT current_user,
				    installed_on timestamptz NOT NULL DEFAULT now(), execution_time integer NOT NULL,
				    success boolean NOT NULL, failure text)""");
		ratchet().migrate();
		assertThat(Sql.column(this.db, "SELECT undo_checksum IS NOT NULL FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("f", "t", "t");
		assertThat(ratchet().undo("1").undone()).hasSize(2);
	}

}
