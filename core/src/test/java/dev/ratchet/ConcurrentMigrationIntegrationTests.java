package dev.ratchet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances starting at once: each migration is applied exactly once, and none fails.
 */
class ConcurrentMigrationIntegrationTests {

	private static final int MIGRATORS = 8;

	private static final int MIGRATIONS = 50;

	@TempDir
	Path dir;

	@RepeatedTest(3)
	void eightMigratorsApplyFiftyMigrationsExactlyOnce() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir).write("V0__counter.sql",
				"CREATE TABLE applied (version int NOT NULL);");
		for (int i = 1; i <= MIGRATIONS; i++) {
			// Not idempotent on purpose: a second application would add a second row.
			files.write("V" + i + "__step_" + i + ".sql",
					"CREATE TABLE t" + i + " (id int);\nINSERT INTO applied VALUES (" + i + ");");
		}
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS);
			CyclicBarrier start = new CyclicBarrier(MIGRATORS);
			List<Future<MigrateResult>> runs = new ArrayList<>();
			for (int i = 0; i < MIGRATORS; i++) {
				runs.add(pool.submit(() -> {
					Ratchet ratchet = new Ratchet(
							RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build());
					start.await();
					return ratchet.migrate();
				}));
			}
			int appliedTotal = 0;
			for (Future<MigrateResult> run : runs) {
				MigrateResult result = run.get(2, TimeUnit.MINUTES);
				assertThat(result.currentVersion()).hasToString(String.valueOf(MIGRATIONS));
				appliedTotal += result.appliedCount();
			}
			pool.shutdown();
			assertThat(appliedTotal).isEqualTo(MIGRATIONS + 1);
			assertThat(Sql.number(db, "SELECT count(*) FROM applied")).isEqualTo(MIGRATIONS);
			assertThat(Sql.number(db, "SELECT count(DISTINCT version) FROM applied")).isEqualTo(MIGRATIONS);
			assertThat(Sql.number(db, "SELECT count(*) FROM ratchet_history WHERE success")).isEqualTo(MIGRATIONS + 1);
			assertThat(Sql.column(db, "SELECT installed_rank FROM ratchet_history ORDER BY installed_rank").stream()
				.map(Integer::parseInt)
				.toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, MIGRATIONS + 1).boxed().toList());
		}
	}

}
