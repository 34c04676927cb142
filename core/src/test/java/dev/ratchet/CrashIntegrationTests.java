package dev.ratchet;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrateMain;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrating process killed with SIGKILL: the database stays consistent, the lock is not stuck,
 * and the next run completes.
 */
class CrashIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void killedMigratorLeavesNothingHalfAppliedAndNoStuckLock() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir).write("V1__a.sql", "CREATE TABLE a (id int);")
			.write("V2__slow.sql", """
					CREATE TABLE b (id int);
					INSERT INTO b VALUES (1);
					SELECT pg_sleep(20) WHERE to_regclass('crash.marker') IS NOT NULL;
					CREATE TABLE c (id int);
					""");
		Path log = ChildLogs.file("Crash-migrator");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			// Only the first run sleeps: long enough to be killed in the middle of the migration.
			Sql.execute(db, "CREATE SCHEMA crash; CREATE TABLE crash.marker ()");
			Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-cp",
					System.getProperty("java.class.path"), MigrateMain.class.getName(), db.url(), db.username(),
					files.location())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				awaitSleepingMigration(db, child, log);
			}
			finally {
				child.destroyForcibly();
				child.waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(Sql.column(db, "SELECT version FROM ratchet_history")).containsExactly("1");
			Sql.execute(db, "DROP TABLE crash.marker");
			// The next run waits for the dead session's transaction to be cleaned up, then completes.
			MigrateResult next = new Ratchet(
					RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build())
				.migrate();
			assertThat(next.applied()).extracting((e) -> e.migration().script()).containsExactly("V2__slow.sql");
			assertThat(Sql.number(db, "SELECT count(*) FROM b")).isEqualTo(1);
			assertThat(Sql.exists(db, "c")).isTrue();
			assertThat(Sql.column(db, "SELECT version FROM ratchet_history ORDER BY installed_rank"))
				.containsExactly("1", "2");
		}
	}

	private static void awaitSleepingMigration(TestDatabase.Db db, Process child, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the migrator ended before it was killed: " + java.nio.file.Files.readString(log));
			}
			if (Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
					+ " AND application_name LIKE 'ratchet migrate %' AND query LIKE '%pg_sleep%'") == 1) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the child never reached the slow statement");
	}

}
