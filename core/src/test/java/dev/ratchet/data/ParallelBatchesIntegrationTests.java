package dev.ratchet.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.internal.DelegatingDataSource;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ratchet.data.parallelism}: several workers, and several instances, process one batched
 * migration in claimed ranges; each item exactly once, the counters and the ledger exact, pause
 * honoured by every worker. A trigger records which session last updated each chatbot, so the
 * tests see how many sessions took part.
 */
class ParallelBatchesIntegrationTests {

	private static final int ROWS = 1000;

	private static final String SESSIONS = """
			ALTER TABLE chatbot ADD COLUMN touched_by int;
			CREATE FUNCTION chatbot_touched_by() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN NEW.touched_by := pg_backend_pid(); RETURN NEW; END $$;
			CREATE TRIGGER chatbot_touched_by BEFORE UPDATE ON chatbot FOR EACH ROW EXECUTE FUNCTION chatbot_touched_by();
			""";

	@RegisterExtension
	final FreshDatabase db = Backfill.databaseWithRows(Backfill.rows(ROWS, 7, 333, 512, 999))
		.withMigration("V1_0_0_2__sessions.sql", SESSIONS);

	@Test
	void fourWorkersProcessEveryItemExactlyOnceWithExactCountersAndLedger() {
		Backfill backfill = new Backfill("1.1").sleepingPerBatch(0.05)
			.options(BatchOptions.defaults().withBatchSize(50).withFailurePolicy(FailurePolicy.skipUpTo(10)));
		MigrateResult result = ratchet(backfill, 4).migrate();
		assertThat(result.applied()).extracting((e) -> e.migration().version().toString()).contains("1.1");
		assertExactlyOnce();
		assertThat(Sql.number(this.db, "SELECT count(DISTINCT touched_by) FROM chatbot")).isEqualTo(4);
		assertThat(Sql.column(this.db, "SELECT item_key FROM ratchet_history_data_failures ORDER BY item_key::int"))
			.containsExactly("7", "333", "512", "999");
		assertThat(Sql.column(this.db, "SELECT processed || ' ' || batches || ' ' || state FROM ratchet_history_data"))
			.containsExactly((ROWS - 4) + " 20 COMPLETED");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE version = '1.1'")).isEqualTo(1);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_data_claims")).isZero();
	}

	@Test
	void aSecondInstanceWaitingForTheLockTakesRangesAndTogetherTheyProcessEachItemOnce() throws Exception {
		Ratchet first = ratchet(slowBackfill(), 2);
		CompletableFuture<MigrateResult> running = Backfill.runInBackground(first, this.db, 2);
		CompletableFuture<MigrateResult> helping = CompletableFuture.supplyAsync(ratchet(slowBackfill(), 2)::migrateBackground);
		assertThat(running.get(60, TimeUnit.SECONDS).applied()).extracting((e) -> e.migration().version().toString())
			.containsExactly("1.1");
		helping.get(60, TimeUnit.SECONDS);
		assertExactlyOnce();
		// two workers of each instance, each on a session of its own
		assertThat(Sql.number(this.db, "SELECT count(DISTINCT touched_by) FROM chatbot")).isEqualTo(4);
		assertThat(Sql.column(this.db, "SELECT processed || ' ' || batches FROM ratchet_history_data"))
			.containsExactly((ROWS - 4) + " 20");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE version = '1.1'")).isEqualTo(1);
	}

	@Test
	void twoInstancesStartedTogetherEachProcessASubstantialShareOfTheItems() throws Exception {
		Set<Long> byFirst = ConcurrentHashMap.newKeySet();
		Set<Long> bySecond = ConcurrentHashMap.newKeySet();
		CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(ratchet(recording(byFirst), 2)::migrate);
		CompletableFuture<MigrateResult> second = CompletableFuture.supplyAsync(ratchet(recording(bySecond), 2)::migrate);
		MigrateResult one = first.get(60, TimeUnit.SECONDS);
		MigrateResult other = second.get(60, TimeUnit.SECONDS);
		assertThat(Stream.of(one, other).flatMap((result) -> result.applied().stream())
			.map((e) -> e.migration().version().toString())).containsOnlyOnce("1.1");
		assertExactlyOnce();
		// the instance that waited for the lock joined early, not for the last few ranges
		assertThat(byFirst).hasSizeGreaterThan(ROWS / 5);
		assertThat(bySecond).hasSizeGreaterThan(ROWS / 5);
		assertThat(byFirst).doesNotContainAnyElementsOf(bySecond);
		assertThat(byFirst.size() + bySecond.size()).isEqualTo(ROWS);
	}

	@Test
	void theRangesCommitWithoutWaitingForTheFlushButTheCompletionCommitsAsTheSessionSays() {
		List<String> atCompletion = new CopyOnWriteArrayList<>();
		Backfill backfill = new Backfill("1.1") {

			@Override
			public void verify(MigrationContext context) throws SQLException {
				super.verify(context);
				try (Statement statement = context.connection().createStatement();
						ResultSet rs = statement.executeQuery("SHOW synchronous_commit")) {
					rs.next();
					atCompletion.add(rs.getString(1));
				}
			}

		}.options(BatchOptions.defaults().withBatchSize(50).withFailurePolicy(FailurePolicy.skipUpTo(10)));
		ratchet(backfill, 4).migrate();
		assertExactlyOnce();
		assertThat(atCompletion).containsExactlyElementsOf(Sql.column(this.db, "SHOW synchronous_commit"));
	}

	@Test
	void pauseStopsEveryWorkerAfterItsCurrentBatchAndResumeFinishesTheRun() throws Exception {
		Ratchet ratchet = ratchet(slowBackfill(), 4);
		CompletableFuture<MigrateResult> run = Backfill.runInBackground(ratchet, this.db, 4);
		assertThat(ratchet(slowBackfill(), 1).data().pause("1.1", "alice")).isEqualTo(DataMigrationState.PAUSED);
		assertThat(run.get(30, TimeUnit.SECONDS).applied()).isEmpty();
		long processed = Sql.number(this.db, "SELECT processed FROM ratchet_history_data");
		long batches = Sql.number(this.db, "SELECT batches FROM ratchet_history_data");
		assertThat(batches).isBetween(4L, 19L);
		// every worker finished the range it was in, and none started another
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_data_claims WHERE NOT done")).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_data_claims")).isEqualTo(batches);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(processed);
		Thread.sleep(300);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(processed);

		assertThat(ratchet.data().resume("1.1", "bob")).isEqualTo(DataMigrationState.INTERRUPTED);
		assertThat(ratchet(fastBackfill(), 4).migrateBackground().applied())
			.extracting((e) -> e.migration().version().toString())
			.containsExactly("1.1");
		assertExactlyOnce();
	}

	@Test
	void withFewerConnectionsThanWorkersTheRunGoesOnWithTheWorkersItCouldOpen() {
		// the work session, the lock session and one worker's: the fourth connection is refused
		DataSource scarce = new DelegatingDataSource(this.db.dataSource()) {

			private final AtomicInteger handedOut = new AtomicInteger();

			@Override
			public Connection getConnection() throws SQLException {
				if (this.handedOut.incrementAndGet() > 3) {
					throw new SQLException("no connection to spare", "08004");
				}
				return super.getConnection();
			}

		};
		MigrateResult result = new Ratchet(RatchetConfiguration.builder(scarce)
			.locations(this.db.files().location())
			.javaMigrations(new Backfill("1.1")
				.options(BatchOptions.defaults().withBatchSize(50).withFailurePolicy(FailurePolicy.skipUpTo(10))))
			.dataParallelism(4)
			.build()).migrate();
		assertThat(result.applied()).extracting((e) -> e.migration().version().toString()).contains("1.1");
		assertExactlyOnce();
		assertThat(Sql.number(this.db, "SELECT count(DISTINCT touched_by) FROM chatbot")).isEqualTo(2);
	}

	private void assertExactlyOnce() {
		assertThat(Sql.column(this.db, "SELECT touched || ':' || count(*) FROM chatbot GROUP BY touched ORDER BY touched"))
			.containsExactly("0:4", "1:" + (ROWS - 4));
		assertThat(Sql.column(this.db, "SELECT id FROM chatbot WHERE touched = 0 ORDER BY id"))
			.containsExactly("7", "333", "512", "999");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(ROWS - 4);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_data_failures")).isEqualTo(4);
	}

	/** A slow backfill, not in the background, that adds each item it processes to {@code processed}. */
	private static Backfill recording(Set<Long> processed) {
		return new Backfill("1.1") {

			@Override
			public void process(MigrationContext context, Long id) throws SQLException {
				processed.add(id);
				super.process(context, id);
			}

		}.sleepingPerBatch(0.3) // long enough for the instance that waits for the lock to join, even on a busy machine
			.options(BatchOptions.defaults().withBatchSize(50).withFailurePolicy(FailurePolicy.skipUpTo(10)));
	}

	private static Backfill slowBackfill() {
		return fastBackfill().sleepingPerBatch(0.15);
	}

	private static Backfill fastBackfill() {
		return new Backfill("1.1").options(
				BatchOptions.defaults().withBatchSize(50).withFailurePolicy(FailurePolicy.skipUpTo(10)).withBackground(true));
	}

	private Ratchet ratchet(Backfill migration, int parallelism) {
		return new Ratchet(this.db.configure()
			.javaMigrations(migration)
			.dataParallelism(parallelism)
			.build());
	}

}
