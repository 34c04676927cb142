package dev.ratchet;

import java.nio.file.Path;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.AtOnce;
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
		MigrationFiles files = new MigrationFiles(this.dir).writeCountedSteps(MIGRATIONS, "");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			int appliedTotal = 0;
			for (MigrateResult result : AtOnce.run(MIGRATORS, () -> new Ratchet(
					RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build())::migrate)) {
				assertThat(result.currentVersion()).hasToString(String.valueOf(MIGRATIONS));
				appliedTotal += result.appliedCount();
			}
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
