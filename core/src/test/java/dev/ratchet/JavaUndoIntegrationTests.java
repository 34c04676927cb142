package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration.Body;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code undo} of Java migrations on a real database: one that provides an undo is undone with its
 * {@code UNDO_JAVA} row; one without, or a batched data migration, is refused by name; an undo that
 * throws is rolled back whole and the migration stays applied.
 */
class JavaUndoIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase()
		.withMigration("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);");

	private Ratchet ratchet(JavaMigration... migrations) {
		return new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.db.files().location())
			.javaMigrations(migrations)
			.build());
	}

	private List<String> history() {
		return Sql.column(this.db, "SELECT installed_rank || ' ' || type || ' ' || version || ' ' || success "
				+ "FROM ratchet_history ORDER BY installed_rank");
	}

	private static Boolean undoable(Ratchet ratchet) {
		return ratchet.status()
			.migrations()
			.stream()
			.filter((info) -> "2".equals(String.valueOf(info.version())))
			.findFirst()
			.orElseThrow()
			.undoable();
	}

	@Test
	void javaMigrationWithUndoIsUndoneAndRecorded() {
		TestJavaMigration seed = seedUsers(null);
		ratchet(seed).migrate();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isEqualTo(2);
		assertThat(undoable(ratchet(seed))).isTrue();
		PlanResult plan = ratchet(seed).planUndo("1");
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome).containsExactly(PlanOutcome.WOULD_SUCCEED);
		assertThat(plan.migrations().get(0).migration().type()).isEqualTo(MigrationType.UNDO_JAVA);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isEqualTo(2);
		UndoResult result = ratchet(seed).undo("1");
		assertThat(result.undone()).extracting((step) -> step.migration().type()).containsExactly(MigrationType.UNDO_JAVA);
		assertThat(result.currentVersion()).hasToString("1");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isZero();
		assertThat(history()).containsExactly("1 SQL 1 true", "2 JAVA 2 true", "3 UNDO_JAVA 2 true");
		assertThat(ratchet(seed).status().migrations()).filteredOn((info) -> "2".equals(String.valueOf(info.version())))
			.extracting(MigrationInfo::state)
			.containsExactly(MigrationState.UNDONE);
		// Undone: a later migrate applies it again.
		ratchet(seed).migrate();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isEqualTo(2);
	}

	@Test
	void javaMigrationWithoutUndoIsRefusedByName() {
		TestJavaMigration plain = new TestJavaMigration("2", "no undo", Body.sql("INSERT INTO users VALUES (1, 'a')"));
		ratchet(plain).migrate();
		assertThat(undoable(ratchet(plain))).isFalse();
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet(plain).undo("1"))
			.withMessageContaining("Java migration " + TestJavaMigration.class.getName()
					+ " (version 2) cannot be undone: it has no undo");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isEqualTo(1);
		assertThat(history()).containsExactly("1 SQL 1 true", "2 JAVA 2 true");
	}

	@Test
	void batchedDataMigrationIsRefusedEvenWhenItClaimsAnUndo() {
		Batched batched = new Batched();
		ratchet(batched).migrate();
		assertThat(undoable(ratchet(batched))).isFalse();
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet(batched).undo("1"))
			.withMessageContaining("(version 2) cannot be undone: a batched data migration commits batch by batch");
		assertThat(batched.undone).isFalse();
		assertThat(history()).containsExactly("1 SQL 1 true", "2 JAVA 2 true");
	}

	@Test
	void throwingUndoRollsBackAndLeavesTheMigrationApplied() {
		ratchet(seedUsers(null)).migrate();
		for (Throwable failure : List.of(new IllegalStateException("undo broke"), new AssertionError("undo error"))) {
			TestJavaMigration failing = seedUsers(failure);
			if (failure instanceof Error error) {
				assertThatExceptionOfType(Error.class).isThrownBy(() -> ratchet(failing).undo("1")).isSameAs(error);
			}
			else {
				assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> ratchet(failing).undo("1"))
					.withMessageContaining("undo broke");
			}
			// The DELETE the undo ran before it threw is rolled back with the (absent) history row.
			assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isEqualTo(2);
			assertThat(history()).containsExactly("1 SQL 1 true", "2 JAVA 2 true");
			assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
		}
		assertThat(ratchet(seedUsers(null)).status().migrations())
			.filteredOn((info) -> "2".equals(String.valueOf(info.version())))
			.extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED);
	}

	/** Seeds two users; its undo deletes them, then throws the given failure, if any. */
	private static TestJavaMigration seedUsers(Throwable failure) {
		Body delete = Body.sql("DELETE FROM users WHERE id IN (1, 2)");
		return new TestJavaMigration("2", "seed users", Body.sql("INSERT INTO users VALUES (1, 'a'), (2, 'b')"))
			.withUndo((context) -> {
				delete.migrate(context);
				if (failure instanceof Exception ex) {
					throw ex;
				}
				if (failure instanceof Error error) {
					throw error;
				}
			});
	}

	/** A batched migration that (wrongly) claims an undo: it must still be refused. */
	private static final class Batched implements BatchedMigration<Integer> {

		volatile boolean undone;

		@Override
		public String version() {
			return "2";
		}

		@Override
		public String description() {
			return "batched";
		}

		@Override
		public BatchOptions options() {
			return BatchOptions.defaults();
		}

		@Override
		public List<Integer> nextBatch(MigrationContext context, String after, int limit) {
			return List.of();
		}

		@Override
		public String keyOf(Integer item) {
			return item.toString();
		}

		@Override
		public void processBatch(MigrationContext context, List<Integer> items) {
		}

		@Override
		public boolean canUndo() {
			return true;
		}

		@Override
		public void undo(MigrationContext context) {
			this.undone = true;
		}

	}

}
