package dev.ratchet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.ChildJvm;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of an undo: each version is either applied or undone,
 * never half, and the next undo completes.
 */
class CrashUndoIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void killedUndoLeavesEachVersionAppliedOrUndoneNeverHalf() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir).write("V1__a.sql", "CREATE TABLE a (id int);")
			.write("V2__b.sql", "CREATE TABLE b (id int);\nCREATE TABLE b2 (id int);")
			.write("U2__b.sql", """
					DROP TABLE b;
					SELECT pg_sleep(20) WHERE to_regclass('crash.marker') IS NOT NULL;
					DROP TABLE b2;
					""")
			.write("V3__c.sql", "CREATE TABLE c (id int);")
			.write("U3__c.sql", "DROP TABLE c;");
		Path log = ChildLogs.file("CrashUndo-undoer");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Ratchet ratchet = new Ratchet(
					RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build());
			ratchet.migrate();
			// Only the first undo sleeps: long enough to be killed in the middle of U2.
			Sql.execute(db, "CREATE SCHEMA crash; CREATE TABLE crash.marker ()");
			Process child = ChildJvm.migrate(db, files.location(), log, "-Dratchet.test.undo=1");
			try {
				awaitSleepingUndo(db, child, log);
			}
			finally {
				child.destroyForcibly();
				child.waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(Sql.exists(db, "c")).isFalse();
			assertThat(Sql.exists(db, "b")).isTrue();
			assertThat(Sql.exists(db, "b2")).isTrue();
			Sql.execute(db, "DROP TABLE crash.marker");
			assertThat(ratchet.status().migrations()).extracting((info) -> info.version() + " " + info.state())
				.containsExactly("1 APPLIED", "2 APPLIED", "3 UNDONE");
			// The next undo waits for the dead session's transaction to be cleaned up, then completes.
			assertThat(ratchet.undo("1").undone()).extracting((step) -> step.migration().script())
				.containsExactly("U2__b.sql");
			assertThat(Sql.exists(db, "b")).isFalse();
			assertThat(Sql.exists(db, "b2")).isFalse();
			assertThat(Sql.column(db, "SELECT type || ' ' || version FROM ratchet_history ORDER BY installed_rank"))
				.containsExactly("SQL 1", "SQL 2", "SQL 3", "UNDO_SQL 3", "UNDO_SQL 2");
		}
	}

	private static void awaitSleepingUndo(TestDatabase.Db db, Process child, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the undo ended before it was killed: " + Files.readString(log));
			}
			if (Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()") == 1) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the child never reached the slow statement");
	}

}
