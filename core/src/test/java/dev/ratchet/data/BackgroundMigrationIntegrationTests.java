package dev.ratchet.data;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationVersion;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background data migrations: left for after start-up with every version after them, run under the
 * lock without holding up start-ups, stopped between batches when interrupted.
 */
class BackgroundMigrationIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = Backfill.database();

	private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

	@Test
	void startUpLeavesTheBackgroundMigrationAndTheVersionsAfterItForLater() {
		Ratchet ratchet = ratchet(background());
		MigrateResult startUp = ratchet.migrateUntilBackground();
		assertThat(versions(startUp)).containsExactly("1", "1.0.0.1");
		assertThat(this.events).filteredOn(MigrationEvent.MigrationDeferred.class::isInstance)
			.singleElement()
			.satisfies((e) -> {
				MigrationEvent.MigrationDeferred deferred = (MigrationEvent.MigrationDeferred) e;
				assertThat(deferred.migration().version()).hasToString("1.1");
				assertThat(deferred.waiting()).extracting((m) -> m.script()).containsExactly("V2__require_versions.sql");
			});
		assertThat(ratchet.dataMigrations()).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.PENDING);
			assertThat(data.background()).isTrue();
			assertThat(data.waiting()).containsExactly(MigrationVersion.parse("2"));
			assertThat(data.isBackgroundWorkInProgress()).isTrue();
		});
		assertThat(ratchet.dataMigrations(ratchet.status())).isEqualTo(ratchet.dataMigrations());
		assertThat(BackgroundWork.isAllThatIsPending(ratchet.status(), ratchet.dataMigrations())).isTrue();
		assertThat(versions(ratchet.migrateBackground())).containsExactly("1.1");
		assertThat(ratchet.status().pendingCount()).isEqualTo(1);
		assertThat(ratchet.dataMigrations()).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.COMPLETED);
			assertThat(data.waiting()).isEmpty();
		});
		assertThat(versions(ratchet.migrateBackground())).isEmpty();
		assertThat(versions(ratchet.migrateUntilBackground())).containsExactly("2");
	}

	@Test
	void startUpAppliesRepeatablesAsAnyRunDoesWhileVersionsWait() {
		this.db.files().write("R__chatbot_names.sql", "CREATE OR REPLACE VIEW chatbot_ids AS SELECT id FROM chatbot;");
		Ratchet ratchet = ratchet(background());
		assertThat(versions(ratchet.migrateUntilBackground())).containsExactly("1", "1.0.0.1", "null");
		assertThat(Sql.exists(this.db, "chatbot_ids")).isTrue();
		assertThat(this.events).filteredOn(MigrationEvent.MigrationDeferred.class::isInstance)
			.singleElement()
			.satisfies((e) -> assertThat(((MigrationEvent.MigrationDeferred) e).waiting())
				.extracting((m) -> m.script())
				.containsExactly("V2__require_versions.sql"));
		this.db.files().write("R__chatbot_names.sql", "CREATE OR REPLACE VIEW chatbot_ids AS SELECT id, 1 AS one FROM chatbot;");
		Ratchet edited = ratchet(background());
		edited.migrateUntilBackground();
		assertThat(Sql.column(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'REPEATABLE'"))
			.containsExactly("2");
		assertThat(BackgroundWork.isAllThatIsPending(edited.status(), edited.dataMigrations())).isTrue();
	}

	@Test
	void startUpDoesNotWaitForTheLockWhileABackgroundMigrationIsNext() throws Exception {
		Ratchet ratchet = ratchet(background());
		ratchet.migrateUntilBackground();
		try (Connection other = this.db.connect(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
			MigrateResult startUp = ratchet(Duration.ofMillis(200), background()).migrateUntilBackground();
			assertThat(startUp.applied()).isEmpty();
			assertThat(startUp.currentVersion()).hasToString("1.0.0.1");
			CompletableFuture<MigrateResult> backgroundRun = CompletableFuture
				.supplyAsync(() -> ratchet(Duration.ofMillis(200), background()).migrateBackground());
			awaitLockWaiting();
			assertThat(backgroundRun).isNotDone();
			statement.execute("SELECT pg_advisory_unlock_all()");
			assertThat(versions(backgroundRun.get(60, TimeUnit.SECONDS))).containsExactly("1.1");
		}
	}

	@Test
	void interruptedRunStopsBetweenBatchesAndTheNextRunContinues() {
		Backfill interrupting = new Backfill("1.1") {

			@Override
			public void processBatch(MigrationContext context, List<Long> items) throws Exception {
				super.processBatch(context, items);
				if (items.contains(200L)) {
					Thread.currentThread().interrupt();
				}
			}

		};
		interrupting.options(BatchOptions.defaults().withBatchSize(100).withBackground(true));
		Ratchet ratchet = ratchet(interrupting);
		ratchet.migrateUntilBackground();
		MigrateResult stopped = ratchet.migrateBackground();
		assertThat(Thread.interrupted()).isTrue();
		assertThat(stopped.applied()).isEmpty();
		assertThat(ratchet.dataMigrations()).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.INTERRUPTED);
			assertThat(data.processed()).isEqualTo(200);
			assertThat(data.lastKey()).isEqualTo("200");
		});
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(200);
		assertThat(versions(ratchet(background()).migrateBackground())).containsExactly("1.1");
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM chatbot")).containsExactly("1");
	}

	@Test
	void plainMigrateRunsBackgroundMigrationsInline() {
		assertThat(versions(ratchet(background()).migrate())).containsExactly("1", "1.0.0.1", "1.1", "2");
	}

	private void awaitLockWaiting() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.events.stream().noneMatch(MigrationEvent.LockWaiting.class::isInstance)) {
			assertThat(System.nanoTime()).as("waiting for the lock").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static Backfill background() {
		return new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(100).withBackground(true));
	}

	private static List<String> versions(MigrateResult result) {
		return result.applied().stream().map((e) -> String.valueOf(e.migration().version())).toList();
	}

	private Ratchet ratchet(Backfill migration) {
		return ratchet(RatchetConfiguration.DEFAULT_LOCK_WAIT_TIMEOUT, migration);
	}

	private Ratchet ratchet(Duration lockWaitTimeout, Backfill migration) {
		return new Ratchet(this.db.configure()
			.lockWaitTimeout(lockWaitTimeout)
			.javaMigrations(migration)
			.listeners(this.events::add)
			.build());
	}

}
