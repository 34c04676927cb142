package dev.ratchet.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrateResult;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.Database;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL in the middle of a batch: the batch is rolled back by PostgreSQL,
 * the committed ones stay with their cursor, and the next run continues after the last of them, so
 * that every item is processed exactly once.
 */
class BatchedMigrationCrashIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void killedRunContinuesAfterTheLastCommittedBatchAndProcessesEveryItemOnce() throws Exception {
		MigrationFiles files = Backfill.files(this.dir, 250);
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Path log = ChildLogs.file("BatchedMigrationCrash-migrator");
			Process child = startMigrator(db, files, log);
			try {
				awaitSleepInBatch(db, child, log, 3);
			}
			finally {
				child.destroyForcibly();
				child.waitFor(30, TimeUnit.SECONDS);
			}
			long committed = Sql.number(db, "SELECT batches FROM ratchet_history_data");
			assertThat(committed).isGreaterThanOrEqualTo(3).isLessThan(13);
			assertThat(Sql.number(db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(committed * 20);
			assertThat(Sql.column(db, "SELECT version FROM ratchet_history WHERE success ORDER BY installed_rank"))
				.containsExactly("1", "1.0.0.1");
			MigrateResult next = new Ratchet(RatchetConfiguration.builder(db.dataSource())
				.locations(files.location())
				.javaMigrations(new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(20)))
				.build()).migrate();
			assertThat(next.applied()).extracting((e) -> e.migration().version().toString()).containsExactly("1.1", "2");
			assertThat(Sql.column(db, "SELECT DISTINCT touched FROM chatbot")).containsExactly("1");
			assertThat(Sql.number(db, "SELECT count(*) FROM chatbot_version")).isEqualTo(250);
			assertThat(Sql.number(db, "SELECT batches FROM ratchet_history_data")).isEqualTo(13);
		}
	}

	/** Starts {@link BatchedMigrateMain} in a JVM of its own, its output going to {@code log}. */
	static Process startMigrator(Database db, MigrationFiles files, Path log) throws IOException {
		return new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-cp",
				System.getProperty("java.class.path"), BatchedMigrateMain.class.getName(), db.url(), db.username(),
				files.location())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	/** Waits until the child committed {@code batches} batches and sleeps in the next one. */
	static void awaitSleepInBatch(Database db, Process child, Path log, int batches) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the migrator ended before it was killed: " + Files.readString(log));
			}
			if (Sql.exists(db, "ratchet_history_data")
					&& Sql.number(db, "SELECT coalesce(max(batches), 0) FROM ratchet_history_data") >= batches
					&& Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
							+ " AND application_name LIKE 'ratchet migrate %' AND query LIKE '%pg_sleep%'"
							+ " AND state = 'active'") == 1) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the child never reached batch " + batches);
	}

}
