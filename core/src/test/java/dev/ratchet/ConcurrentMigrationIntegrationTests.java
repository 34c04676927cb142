package dev.ratchet;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.AtOnce;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances starting at once: each migration is applied exactly once, and none fails.
 */
class ConcurrentMigrationIntegrationTests {

	private static final int MIGRATORS = 8;

	private static final int MIGRATIONS = 50;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@RepeatedTest(3)
	void eightMigratorsApplyFiftyMigrationsExactlyOnce() throws Exception {
		this.db.files().writeCountedSteps(MIGRATIONS, "");
		int appliedTotal = 0;
		// Each migrator has a Ratchet of its own, as separate instances would.
		for (MigrateResult result : AtOnce.run(MIGRATORS, () -> this.db.ratchet()::migrate)) {
			assertThat(result.currentVersion()).hasToString(String.valueOf(MIGRATIONS));
			appliedTotal += result.appliedCount();
		}
		assertThat(appliedTotal).isEqualTo(MIGRATIONS + 1);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM applied")).isEqualTo(MIGRATIONS);
		assertThat(Sql.number(this.db, "SELECT count(DISTINCT version) FROM applied")).isEqualTo(MIGRATIONS);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE success")).isEqualTo(MIGRATIONS + 1);
		assertThat(Sql.column(this.db, "SELECT installed_rank FROM ratchet_history ORDER BY installed_rank").stream()
			.map(Integer::parseInt)
			.toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, MIGRATIONS + 1).boxed().toList());
	}

}
