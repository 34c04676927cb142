package dev.ratchet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.AtOnce;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen undo runs at once, each with its own {@link Ratchet}: the lock lets each step run once.
 */
class ConcurrentUndoIntegrationTests {

	private static final int UNDOERS = 16;

	private static final int MIGRATIONS = 6;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void sixteenUndoRunsAtOnceUndoEachStepExactlyOnce() throws Exception {
		this.db.files().write("V1__counter.sql", "CREATE TABLE undone (version int NOT NULL);");
		for (int i = 2; i <= MIGRATIONS; i++) {
			// Not idempotent on purpose: a second undo of a version would add a second row, or fail.
			this.db.files().write("V" + i + "__step_" + i + ".sql", "CREATE TABLE t" + i + " (id int);");
			this.db.files().write("U" + i + "__step_" + i + ".sql",
					"DROP TABLE t" + i + ";\nINSERT INTO undone VALUES (" + i + ");");
		}
		this.db.ratchet().migrate();
		int undoneTotal = 0;
		for (UndoResult result : AtOnce.run(UNDOERS, () -> {
			Ratchet ratchet = this.db.ratchet();
			return () -> ratchet.undo("1");
		})) {
			assertThat(result.currentVersion()).hasToString("1");
			undoneTotal += result.undone().size();
		}
		assertThat(undoneTotal).isEqualTo(MIGRATIONS - 1);
		assertThat(Sql.column(this.db, "SELECT version FROM undone ORDER BY version"))
			.containsExactly("2", "3", "4", "5", "6");
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history WHERE type = 'UNDO_SQL' ORDER BY installed_rank"))
			.containsExactly("6", "5", "4", "3", "2");
	}

}
