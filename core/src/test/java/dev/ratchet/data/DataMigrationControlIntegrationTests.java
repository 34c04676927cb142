package dev.ratchet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationEvent;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.history.RatchetTable;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Operators pause, resume and cancel a batched data migration: the run, in another thread with its
 * own connections, stops after its current batch; the state is stored, so another instance and a
 * restart honour it; resume continues from the cursor; state changes are a whitelist that holds when
 * several operators press at once.
 */
class DataMigrationControlIntegrationTests {

	private static final int ROWS = 1000;

	@TempDir
	Path dir;

	private MigrationFiles files;

	private TestDatabase.Db db;

	private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.files = Backfill.files(this.dir, ROWS);
		this.db = TestDatabase.createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void pauseStopsTheRunningBackfillAfterItsBatchAndResumeContinuesFromTheCursor() throws Exception {
		Ratchet ratchet = ratchet(slowBackfill());
		CompletableFuture<MigrateResult> run = Backfill.runInBackground(ratchet, this.db, 2);
		// another instance, another connection
		assertThat(ratchet(slowBackfill()).data().pause("1.1", "alice")).isEqualTo(DataMigrationState.PAUSED);
		MigrateResult stopped = run.get(30, TimeUnit.SECONDS);
		assertThat(stopped.applied()).isEmpty();
		DataMigrationStatus paused = single(ratchet);
		assertThat(paused.state()).isEqualTo(DataMigrationState.PAUSED);
		assertThat(paused.processed()).isBetween(200L, (long) ROWS - 100).isEqualTo(paused.batches() * 100);
		assertThat(touched("touched = 1")).isEqualTo(paused.processed());
		assertThat(touched("touched > 1")).isZero();
		assertThat(Sql.column(this.db, "SELECT changed_by FROM ratchet_history_data")).containsExactly("alice");
		assertThat(this.events).filteredOn(MigrationEvent.DataStateChanged.class::isInstance)
			.singleElement()
			.satisfies((e) -> assertThat(((MigrationEvent.DataStateChanged) e).state()).isEqualTo(DataMigrationState.PAUSED));

		// a restart keeps it paused, and the version after it waits
		Ratchet restarted = ratchet(slowBackfill());
		assertThat(restarted.migrate().applied()).isEmpty();
		assertThat(single(restarted).processed()).isEqualTo(paused.processed());
		assertThat(single(restarted).state()).isEqualTo(DataMigrationState.PAUSED);
		assertThat(restarted.status().pendingCount()).isEqualTo(2);

		assertThat(ratchet.data().resume("1.1", "bob")).isEqualTo(DataMigrationState.INTERRUPTED);
		assertThat(this.events).filteredOn(MigrationEvent.DataStateChanged.class::isInstance)
			.last()
			.satisfies((e) -> {
				MigrationEvent.DataStateChanged changed = (MigrationEvent.DataStateChanged) e;
				assertThat(changed.action()).isEqualTo("resume");
				assertThat(changed.changedBy()).isEqualTo("bob");
			});
		assertThat(versions(ratchet(fastBackfill()).migrate())).containsExactly("1.1", "2");
		assertThat(touched("touched = 1")).isEqualTo(ROWS);
		DataMigrationStatus done = single(ratchet);
		assertThat(done.state()).isEqualTo(DataMigrationState.COMPLETED);
		assertThat(done.processed()).isEqualTo(ROWS);
	}

	@Test
	void cancelStopsTheRunAndKeepsTheVersionsAfterItWaitingUntilResumed() throws Exception {
		Ratchet ratchet = ratchet(slowBackfill());
		CompletableFuture<MigrateResult> run = Backfill.runInBackground(ratchet, this.db, 1);
		assertThat(ratchet.data().cancel("1.1", "carol")).isEqualTo(DataMigrationState.CANCELLED);
		assertThat(run.get(30, TimeUnit.SECONDS).applied()).isEmpty();
		assertThat(single(ratchet).state()).isEqualTo(DataMigrationState.CANCELLED);
		assertThat(ratchet(fastBackfill()).migrate().applied()).isEmpty();
		assertThatExceptionOfType(StateChangeRejectedException.class)
			.isThrownBy(() -> ratchet.data().pause("1.1", "dave"))
			.withMessageContaining("cancelled")
			.satisfies((ex) -> assertThat(ex.getState()).isEqualTo(DataMigrationState.CANCELLED));
		ratchet.data().resume("1.1", "carol");
		assertThat(versions(ratchet(fastBackfill()).migrate())).containsExactly("1.1", "2");
		assertThat(touched("touched = 1")).isEqualTo(ROWS);
	}

	@Test
	void aMigrationPausedBeforeItStartsDoesNotStart() {
		Ratchet ratchet = ratchet(fastBackfill());
		ratchet.migrateUntilBackground();
		ratchet.data().pause("1.1", null);
		assertThat(ratchet.migrateBackground().applied()).isEmpty();
		assertThat(touched("touched > 0")).isZero();
		assertThat(single(ratchet).state()).isEqualTo(DataMigrationState.PAUSED);
		ratchet.data().resume("1.1", null);
		assertThat(versions(ratchet.migrateBackground())).containsExactly("1.1");
	}

	@Test
	void aMigrationPausedBeforeTheFirstRunLeavesTheSchemaToMigrate() {
		// The pause creates Ratchet's progress table in a schema that has no history yet; that table
		// (and its sequence) is Ratchet's own, not content that would call for a baseline.
		assertThat(ratchet(fastBackfill()).data().pause("1.1", "early")).isEqualTo(DataMigrationState.PAUSED);
		Ratchet ratchet = ratchet(fastBackfill());
		assertThat(versions(ratchet.migrate())).containsExactly("1", "1.0.0.1");
		assertThat(single(ratchet).state()).isEqualTo(DataMigrationState.PAUSED);
		assertThat(ratchet.data().resume("1.1", "early")).isNotEqualTo(DataMigrationState.PAUSED);
		assertThat(versions(ratchet.migrate())).containsExactly("1.1", "2");
	}

	@Test
	void aProgressTableOfAnEarlierVersionGetsTheColumnsOfStateChanges() {
		Ratchet ratchet = ratchet(fastBackfill());
		ratchet.migrateUntilBackground();
		Sql.execute(this.db, RatchetTable.DATA.ddl("ratchet_history_data"));
		Sql.execute(this.db, "ALTER TABLE ratchet_history_data DROP COLUMN changed_by, DROP COLUMN changed_on");
		assertThat(ratchet.data().pause("1.1", "frank")).isEqualTo(DataMigrationState.PAUSED);
		assertThat(Sql.column(this.db, "SELECT state || ' by ' || changed_by FROM ratchet_history_data"))
			.containsExactly("PAUSED by frank");
		ratchet.data().resume("1.1", "frank");
		assertThat(ratchet.migrateBackground().applied()).hasSize(1);
	}

	@Test
	void changesNotInTheWhitelistAreRefused() {
		Ratchet ratchet = ratchet(fastBackfill());
		ratchet.migrateUntilBackground();
		assertThatExceptionOfType(StateChangeRejectedException.class)
			.isThrownBy(() -> ratchet.data().resume("1.1", "erin"))
			.withMessage("Data migration dev.ratchet.data.Backfill (version 1.1) cannot be resumed: it is pending; "
					+ "resume is allowed only when it is paused or cancelled")
			.satisfies((ex) -> assertThat(ex.getAction()).isEqualTo("resume"));
		ratchet.migrateBackground();
		assertThatExceptionOfType(StateChangeRejectedException.class)
			.isThrownBy(() -> ratchet.data().pause("1.1", "erin"))
			.satisfies((ex) -> assertThat(ex.getState()).isEqualTo(DataMigrationState.COMPLETED));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ratchet.data().pause("2", "erin"))
			.withMessageContaining("'2'");
	}

	@Test
	void operatorsPressingAtOnceEndInOneConsistentState() throws Exception {
		Ratchet ratchet = ratchet(fastBackfill());
		ratchet.migrateUntilBackground();
		for (int round = 0; round < 5; round++) {
			assertThat(successes(8, () -> ratchet(fastBackfill()).data().pause("1.1", "ops"))).isEqualTo(1);
			assertThat(successes(8, () -> ratchet(fastBackfill()).data().resume("1.1", "ops"))).isEqualTo(1);
		}
		// pause and cancel at once: cancel is allowed after pause, pause never after cancel, so the
		// cancel is the last change that took effect whichever came first (the threads' own order
		// of return says nothing: each learns of its commit after the database made it)
		successes(2, (i) -> {
			if (i == 0) {
				ratchet(fastBackfill()).data().pause("1.1", "p");
			}
			else {
				ratchet(fastBackfill()).data().cancel("1.1", "c");
			}
		});
		assertThat(single(ratchet).state()).isEqualTo(DataMigrationState.CANCELLED);
		assertThat(single(ratchet).changedBy()).isEqualTo("c");
	}

	private int successes(int threads, ThrowingAction action) throws Exception {
		return successes(threads, (i) -> action.run());
	}

	private int successes(int threads, IndexedAction action) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				results.add(pool.submit(() -> {
					start.await();
					try {
						action.run(index);
						return true;
					}
					catch (StateChangeRejectedException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			int successes = 0;
			for (Future<Boolean> result : results) {
				successes += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			return successes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long touched(String condition) {
		return Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE " + condition);
	}

	private static DataMigrationStatus single(Ratchet ratchet) {
		List<DataMigrationStatus> all = ratchet.dataMigrations();
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private static Backfill slowBackfill() {
		return fastBackfill().sleepingPerBatch(0.15);
	}

	private static Backfill fastBackfill() {
		return new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(100).withBackground(true));
	}

	private static List<String> versions(MigrateResult result) {
		return result.applied().stream().map((e) -> String.valueOf(e.migration().version())).toList();
	}

	private Ratchet ratchet(Backfill migration) {
		return new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.files.location())
			.javaMigrations(migration)
			.listeners(this.events::add)
			.build());
	}

	@FunctionalInterface
	private interface ThrowingAction {

		void run() throws Exception;

	}

	@FunctionalInterface
	private interface IndexedAction {

		void run(int index) throws Exception;

	}

}
