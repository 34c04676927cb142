package dev.ratchet.data;

import java.io.File;
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
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process running a batched migration with four workers, killed with SIGKILL while its workers
 * are inside their ranges: PostgreSQL rolls their transactions back and frees their claims with
 * their sessions, so the next run takes those ranges over and every item is processed exactly
 * once, with exact counters. A couple of kills by default; {@code ratchet.crash.trials} / 10 of them
 * ({@code -Preliability}: 20), each after a different number of committed ranges.
 */
class ParallelBatchesCrashIntegrationTests {

	private static final int TRIALS = Math.max(2, Integer.getInteger("ratchet.crash.trials", 20) / 10);

	@TempDir
	Path dir;

	@Test
	void rangesOfAKilledInstanceAreTakenOverAndEveryItemIsProcessedOnce() throws Exception {
		MigrationFiles files = Backfill.files(this.dir, 250);
		for (int trial = 0; trial < TRIALS; trial++) {
			int ranges = 1 + (trial * 3) % 7;
			try (TestDatabase.Db db = TestDatabase.createDatabase()) {
				killDuringRanges(db, files, ranges);
				long committed = Sql.number(db, "SELECT batches FROM ratchet_history_data");
				assertThat(committed).as("trial %d", trial).isGreaterThanOrEqualTo(ranges).isLessThan(13);
				// the ranges its workers were in when it died: claimed, not done, rolled back
				assertThat(Sql.number(db, "SELECT count(*) FROM ratchet_history_data_claims WHERE NOT done"))
					.as("trial %d", trial)
					.isPositive();
				assertThat(Sql.number(db, "SELECT count(*) FROM chatbot WHERE touched = 1"))
					.isEqualTo(Sql.number(db, "SELECT processed FROM ratchet_history_data"));
				assertThat(Sql.number(db, "SELECT count(*) FROM chatbot WHERE touched > 1")).isZero();

				MigrateResult next = new Ratchet(RatchetConfiguration.builder(db.dataSource())
					.locations(files.location())
					.dataParallelism(4)
					.javaMigrations(new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(20)))
					.build()).migrate();
				assertThat(next.applied()).extracting((e) -> e.migration().version().toString())
					.containsExactly("1.1", "2");
				assertThat(Sql.column(db, "SELECT DISTINCT touched FROM chatbot")).as("trial %d", trial).containsExactly("1");
				assertThat(Sql.number(db, "SELECT count(*) FROM chatbot_version")).isEqualTo(250);
				assertThat(Sql.column(db, "SELECT processed || ' ' || batches FROM ratchet_history_data"))
					.containsExactly("250 13");
				assertThat(Sql.number(db, "SELECT count(*) FROM ratchet_history_data_claims")).isZero();
			}
		}
	}

	private void killDuringRanges(TestDatabase.Db db, MigrationFiles files, int ranges) throws Exception {
		Path log = ChildLogs.file("ParallelBatchesCrash-migrator");
		Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-cp",
				System.getProperty("java.class.path"), BatchedMigrateMain.class.getName(), db.url(), db.username(),
				files.location(), "4")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (true) {
				if (!child.isAlive()) {
					throw new AssertionError("the migrator ended before it was killed: " + Files.readString(log));
				}
				assertThat(System.nanoTime()).as("waiting for %d ranges", ranges).isLessThan(deadline);
				if (Sql.exists(db, "ratchet_history_data")
						&& Sql.number(db, "SELECT coalesce(max(batches), 0) FROM ratchet_history_data") >= ranges
						&& Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
								+ " AND application_name LIKE 'ratchet %' AND query LIKE '%pg_sleep%'"
								+ " AND state = 'active'") >= 2) {
					return;
				}
				Thread.sleep(20);
			}
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
	}

}
