package dev.ratchet.data;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ratchet.Ratchet;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator pauses or cancels a running backfill, and the process running it is killed with
 * SIGKILL right after, in the middle of a batch: the stored state stays as the operator left it, a
 * restart honours it (nothing more runs, the version after it waits), and once resumed every item
 * is processed exactly once.
 */
class ControlCrashIntegrationTests {

	/** The chatbots of {@link Backfill#database()}. */
	private static final int ROWS = 250;

	private static final int BATCH = 20;

	@RegisterExtension
	final FreshDatabase db = Backfill.database();

	@ParameterizedTest
	@ValueSource(strings = { "pause", "cancel" })
	void stateChangedJustBeforeAKillIsHonouredAfterRestartAndResumeProcessesEachItemOnce(String action)
			throws Exception {
		Ratchet operator = ratchet();
		Path log = ChildLogs.file("ControlCrash-" + action);
		Process child = BatchedMigrationCrashIntegrationTests.startMigrator(this.db, this.db.files(), log);
		DataMigrationState expected;
		try {
			BatchedMigrationCrashIntegrationTests.awaitSleepInBatch(this.db, child, log, 2);
			expected = "pause".equals(action) ? operator.data().pause("1.1", "ops")
					: operator.data().cancel("1.1", "ops");
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		long committed = Sql.number(this.db, "SELECT batches FROM ratchet_history_data");
		assertThat(Sql.column(this.db, "SELECT state || ' ' || changed_by FROM ratchet_history_data"))
			.containsExactly(expected.name() + " ops");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(committed * BATCH);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched > 1")).isZero();

		// a restart honours the state: nothing runs, the version after it waits
		Ratchet restarted = ratchet();
		assertThat(restarted.migrate().applied()).isEmpty();
		assertThat(restarted.dataMigrations()).singleElement()
			.satisfies((status) -> assertThat(status.state()).isEqualTo(expected));
		assertThat(Sql.number(this.db, "SELECT batches FROM ratchet_history_data")).isEqualTo(committed);

		restarted.data().resume("1.1", "ops");
		assertThat(restarted.migrate().applied()).extracting((e) -> e.migration().version().toString())
			.containsExactly("1.1", "2");
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM chatbot")).containsExactly("1");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(ROWS);
	}

	private Ratchet ratchet() {
		return new Ratchet(this.db.configure()
			.javaMigrations(new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(BATCH)))
			.build());
	}

}
