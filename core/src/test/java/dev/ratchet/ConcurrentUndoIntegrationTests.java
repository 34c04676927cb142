package dev.ratchet;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.AtOnce;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen undo runs at once, each with its own {@link Ratchet}: the lock lets each step run once.
 */
class ConcurrentUndoIntegrationTests {

	private static final int UNDOERS = 16;

	private static final int MIGRATIONS = 6;

	@TempDir
	Path dir;

	@Test
	void sixteenUndoRunsAtOnceUndoEachStepExactlyOnce() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir).write("V1__counter.sql",
				"CREATE TABLE undone (version int NOT NULL);");
		for (int i = 2; i <= MIGRATIONS; i++) {
			// Not idempotent on purpose: a second undo of a version would add a second row, or fail.
			files.write("V" + i + "__step_" + i + ".sql", "CREATE TABLE t" + i + " (id int);");
			files.write("U" + i + "__step_" + i + ".sql",
					"DROP TABLE t" + i + ";\nINSERT INTO undone VALUES (" + i + ");");
		}
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			new Ratchet(RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build()).migrate();
			int undoneTotal = 0;
			for (UndoResult result : AtOnce.run(UNDOERS, () -> {
				Ratchet ratchet = new Ratchet(
						RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build());
				return () -> ratchet.undo("1");
			})) {
				assertThat(result.currentVersion()).hasToString("1");
				undoneTotal += result.undone().size();
			}
			assertThat(undoneTotal).isEqualTo(MIGRATIONS - 1);
			assertThat(Sql.column(db, "SELECT version FROM undone ORDER BY version"))
				.containsExactly("2", "3", "4", "5", "6");
			assertThat(Sql.column(db, "SELECT version FROM ratchet_history WHERE type = 'UNDO_SQL' ORDER BY installed_rank"))
				.containsExactly("6", "5", "4", "3", "2");
		}
	}

}
