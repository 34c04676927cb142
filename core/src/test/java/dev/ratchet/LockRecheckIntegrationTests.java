package dev.ratchet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check, sent with every migration's commit, that the lock is still held.
 */
class LockRecheckIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void migrationWhoseLockSessionEndedMeanwhileIsNotCommitted() {
		// pg_terminate_backend with a timeout waits until the lock session has ended, and its lock with it.
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);").write("V2__b.sql", """
				CREATE TABLE b (id int);
				SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
				WHERE application_name LIKE 'ratchet lock %' AND datname = current_database();
				""").write("V3__c.sql", "CREATE TABLE c (id int);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.satisfies((ex) -> {
				assertThat(ex.getMigration().script()).isEqualTo("V2__b.sql");
				assertThat(ex.getMessage()).contains("Ratchet lost the migration lock", "no longer holds it",
						"rolled back");
			});
		assertThat(Sql.exists(this.db, "b")).isFalse();
		assertThat(Sql.exists(this.db, "c")).isFalse();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
	}

}
