package dev.ratchet.data;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationVersion;
import dev.ratchet.Ratchet;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;
import dev.ratchet.ValidationException;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batched data migrations on real PostgreSQL: ordering among SQL migrations, a commit per batch,
 * resuming after a failure, the ledger of failed items and its threshold, retry-failed,
 * verification, checksums and progress events.
 */
class BatchedMigrationIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = Backfill.database();

	private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

	@Test
	void batchedMigrationRunsBetweenSqlMigrationsAndCommitsPerBatch() {
		MigrateResult result = ratchet(new Backfill("1.1").counted()).migrate();
		assertThat(result.applied()).extracting((e) -> e.migration().version().toString())
			.containsExactly("1", "1.0.0.1", "1.1", "2");
		assertThat(Sql.column(this.db, "SELECT type FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("SQL", "SQL", "JAVA", "SQL");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(250);
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM chatbot")).containsExactly("1");
		assertThat(Sql.column(this.db, "SELECT state || ' ' || processed || ' ' || batches || ' ' || total || ' ' || last_key "
				+ "FROM ratchet_history_data")).containsExactly("COMPLETED 250 3 250 250");
		assertThat(this.events).filteredOn(MigrationEvent.DataBatchCommitted.class::isInstance)
			.extracting((e) -> ((MigrationEvent.DataBatchCommitted) e).processed())
			.containsExactly(100, 100, 50);
	}

	@Test
	void failingItemFailsTheMigrationRollsBackItsBatchAndLaterVersionsWait() {
		this.db.files().write("V1_0_1__orphans.sql", "DELETE FROM creator_user WHERE creator_id = 142;");
		Ratchet ratchet = ratchet(new Backfill("1.1"));
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("item '142' failed: creator 142 has no associated user")
			.withMessageContaining("the next run continues after item '100'")
			.satisfies((ex) -> assertThat(ex.getItemKey()).isEqualTo("142"));
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(100);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(100);
		StatusReport status = ratchet.status();
		assertThat(status.status()).isEqualTo(SchemaStatus.FAILED);
		assertThat(status.isValid()).isTrue();
		assertThat(status.migrations()).extracting((m) -> m.version() + " " + m.state())
			.containsExactly("1 APPLIED", "1.0.0.1 APPLIED", "1.0.1 APPLIED", "1.1 FAILED", "2 PENDING");
		assertThat(ratchet.dataMigrations()).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.FAILED);
			assertThat(data.processed()).isEqualTo(100);
			assertThat(data.lastKey()).isEqualTo("100");
			assertThat(data.failure()).isEqualTo("item '142' failed: creator 142 has no associated user");
		});
	}

	@Test
	void fixedMigrationContinuesAfterTheLastCommittedBatchWithoutRepair() {
		this.db.files().write("V1_0_1__orphans.sql", "DELETE FROM creator_user WHERE creator_id = 142;");
		Ratchet ratchet = ratchet(new Backfill("1.1"));
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet::migrate);
		Sql.execute(this.db, "INSERT INTO creator_user VALUES (142, 1142)");
		MigrateResult result = ratchet.migrate();
		assertThat(result.applied()).extracting((e) -> e.migration().script())
			.containsExactly(Backfill.class.getName(), "V2__require_versions.sql");
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM chatbot")).containsExactly("1");
		assertThat(Sql.column(this.db, "SELECT version || ' ' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1 true", "1.0.0.1 true", "1.0.1 true", "1.1 true", "2 true");
		assertThat(Sql.column(this.db, "SELECT batches FROM ratchet_history_data")).containsExactly("3");
	}

	@Test
	void itemsOverTheThresholdFailTheMigrationAndStayInTheLedger() {
		this.db.files().write("V1_0_1__orphans.sql", "DELETE FROM creator_user WHERE creator_id IN (17, 42, 143);");
		Ratchet ratchet = ratchet(new Backfill("1.1")
			.options(BatchOptions.defaults().withBatchSize(100).withFailurePolicy(FailurePolicy.skipUpTo(2))));
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("3 items failed, more than its failure policy allows (skip up to 2 failed items)")
			.withMessageContaining("--ratchet.command=retry-failed");
		assertThat(Sql.column(this.db, "SELECT item_key || ': ' || error FROM ratchet_history_data_failures ORDER BY item_key"))
			.containsExactly("143: creator 143 has no associated user", "17: creator 17 has no associated user",
					"42: creator 42 has no associated user");
		// The batch that crossed the threshold is committed, so the ledger holds all of its failures.
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(197);
		assertThat(Sql.column(this.db, "SELECT touched FROM chatbot WHERE id IN (17, 42, 143) ORDER BY id"))
			.containsExactly("0", "0", "0");
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history WHERE success ORDER BY installed_rank"))
			.containsExactly("1", "1.0.0.1", "1.0.1");
	}

	@Test
	void skippedItemsAreRecordedWithTheirErrorAndTheMigrationCompletes() {
		this.db.files().write("V1_0_1__orphans.sql", """
				DELETE FROM creator_user WHERE creator_id IN (17, 42);
				INSERT INTO chatbot_version VALUES (120, 1, 1);
				UPDATE chatbot SET current_version = 1 WHERE id = 120;
				""").write("V2__require_versions.sql", "SELECT 1;");
		Ratchet ratchet = ratchet(new Backfill("1.1")
			.options(BatchOptions.defaults().withBatchSize(100).withFailurePolicy(FailurePolicy.skipUpTo(3))));
		ratchet.migrate();
		assertThat(Sql.column(this.db, """
				SELECT version || ' ' || item_key || ' ' || attempts || ' ' || (failed_on IS NOT NULL) || ': ' || error
				FROM ratchet_history_data_failures ORDER BY failed_on, item_key"""))
			.containsExactly("1.1 17 1 true: creator 17 has no associated user",
					"1.1 42 1 true: creator 42 has no associated user",
					"1.1 120 1 true: duplicate key value violates unique constraint \"chatbot_version_pkey\" (SQLSTATE 23505)");
		// Each failing item is rolled back to its savepoint; the rest of its batch is committed.
		assertThat(Sql.column(this.db, "SELECT id FROM chatbot WHERE touched <> 1 ORDER BY id"))
			.containsExactly("17", "42", "120");
		assertThat(Sql.column(this.db, "SELECT version || ' ' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1 true", "1.0.0.1 true", "1.0.1 true", "1.1 true", "2 true");
		assertThat(ratchet.dataMigrations()).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.COMPLETED);
			assertThat(data.processed()).isEqualTo(247);
			assertThat(data.failed()).isEqualTo(3);
		});
		assertThat(ratchet.failedItems("1.1", 10)).extracting(FailedItem::key).containsExactly("17", "42", "120");
	}

	@Test
	void ratioThresholdCountsAgainstTheTotal() {
		this.db.files().write("V1_0_1__orphans.sql", "DELETE FROM creator_user WHERE creator_id IN (17, 42, 43);");
		Ratchet ratchet = ratchet(new Backfill("1.1").counted()
			.options(BatchOptions.defaults().withBatchSize(100).withFailurePolicy(FailurePolicy.skipUpToRatio(0.01))));
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("3 items failed, more than its failure policy allows (skip up to 1.0% failed items)");
	}

	@Test
	void retryFailedProcessesOnlyTheLedgersItemsAndRemovesThoseThatNowSucceed() {
		this.db.files().write("V1_0_1__orphans.sql", "DELETE FROM creator_user WHERE creator_id IN (17, 42, 143);")
			.write("V2__require_versions.sql", "SELECT 1;");
		Ratchet ratchet = ratchet(new Backfill("1.1")
			.options(BatchOptions.defaults().withBatchSize(100).withFailurePolicy(FailurePolicy.skipUpTo(10))));
		ratchet.migrate();
		Sql.execute(this.db, "INSERT INTO creator_user VALUES (17, 1017), (143, 1143)");
		RetryResult result = ratchet.retryFailed();
		assertThat(result.migrations()).singleElement()
			.isEqualTo(new RetryResult.Retried(MigrationVersion.parse("1.1"), Backfill.class.getName(), 3, 2, 1, 0));
		assertThat(Sql.column(this.db, "SELECT item_key || ' ' || attempts FROM ratchet_history_data_failures"))
			.containsExactly("42 2");
		assertThat(Sql.column(this.db, "SELECT id FROM chatbot WHERE touched <> 1 ORDER BY id")).containsExactly("42");
		assertThat(Sql.column(this.db, "SELECT processed FROM ratchet_history_data")).containsExactly("249");
		assertThat(this.events).filteredOn(MigrationEvent.DataBatchCommitted.class::isInstance)
			.last()
			.satisfies((e) -> assertThat(((MigrationEvent.DataBatchCommitted) e).processed()).isEqualTo(2));
	}

	@Test
	void failingVerificationFailsTheMigrationWithItsMessageAndLaterVersionsWait() {
		Backfill backfill = new Backfill("1.1") {

			@Override
			public void verify(MigrationContext context) throws SQLException {
				try (var statement = context.connection().createStatement()) {
					statement.execute("UPDATE chatbot SET current_version = NULL WHERE id IN (3, 4)");
				}
				super.verify(context);
			}

		};
		Ratchet ratchet = ratchet(backfill);
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("verification failed: 2 chatbots whose creator has a user have no current version");
		assertThat(Sql.column(this.db, "SELECT version || ' ' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1 true", "1.0.0.1 true", "1.1 false");
		assertThat(ratchet.status().migrations()).extracting((m) -> m.version() + " " + m.state())
			.containsExactly("1 APPLIED", "1.0.0.1 APPLIED", "1.1 FAILED", "2 PENDING");
	}

	@Test
	void nextBatchThatDoesNotAdvanceFailsInsteadOfLoopingForever() {
		Backfill backfill = new Backfill("1.1") {

			@Override
			public List<Long> nextBatch(MigrationContext context, String after, int limit)
					throws SQLException {
				return super.nextBatch(context, null, limit);
			}

		};
		assertThatExceptionOfType(DataMigrationFailedException.class).isThrownBy(ratchet(backfill)::migrate)
			.withMessageContaining("returned items up to key '100', which does not come after the cursor '100'");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_version")).isEqualTo(100);
	}

	@Test
	void throttleWaitsBetweenBatchesToKeepTheMaximumRate() {
		FakeClock clock = new FakeClock();
		new Ratchet(this.db.configure()
			.javaMigrations(new Backfill("1.1").options(BatchOptions.defaults().withBatchSize(50).withMaxItemsPerSecond(100)))
			.dataClock(clock)
			.build()).migrate();
		assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500),
				Duration.ofMillis(500), Duration.ofMillis(500));
		assertThat(Sql.column(this.db, "SELECT elapsed_ms FROM ratchet_history_data")).containsExactly("2500");
	}

	@Test
	void pauseIsWaitedAfterEachCommittedBatch() {
		FakeClock clock = new FakeClock();
		new Ratchet(this.db.configure()
			.javaMigrations(new Backfill("1.1")
				.options(BatchOptions.defaults().withBatchSize(100).withPauseBetweenBatches(Duration.ofSeconds(2))))
			.dataClock(clock)
			.build()).migrate();
		assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
	}

	@Test
	void editedBatchedMigrationIsReportedAsChanged() {
		ratchet(new Backfill("1.1").checksum("v1")).migrate();
		Ratchet edited = ratchet(new Backfill("1.1").checksum("v2"));
		assertThat(edited.status().migrations()).extracting((m) -> m.version() + " " + m.state())
			.contains("1.1 CHANGED");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(edited::migrate)
			.withMessageContaining("has changed since (checksum v1 applied, v2 now)");
	}

	@Test
	void progressIsVisibleWhileTheMigrationRuns() {
		List<DataMigrationStatus> seen = new ArrayList<>();
		Ratchet[] holder = new Ratchet[1];
		Backfill backfill = new Backfill("1.1") {

			@Override
			public void processBatch(MigrationContext context, List<Long> items) throws Exception {
				if (items.get(0) == 201) {
					seen.addAll(holder[0].dataMigrations());
				}
				super.processBatch(context, items);
			}

		}.counted();
		holder[0] = ratchet(backfill);
		holder[0].migrate();
		assertThat(seen).singleElement().satisfies((data) -> {
			assertThat(data.state()).isEqualTo(DataMigrationState.RUNNING);
			assertThat(data.processed()).isEqualTo(200);
			assertThat(data.total()).isEqualTo(250);
			assertThat(data.batches()).isEqualTo(2);
		});
		assertThat(this.events).filteredOn(MigrationEvent.DataProgressReported.class::isInstance)
			.extracting((e) -> ((MigrationEvent.DataProgressReported) e).progress().state())
			.containsExactly(DataMigrationState.RUNNING, DataMigrationState.COMPLETED);
		assertThat(holder[0].status().migrations()).extracting((m) -> m.state()).containsOnly(MigrationState.APPLIED);
	}

	private Ratchet ratchet(JavaMigration... migrations) {
		return new Ratchet(this.db.configure()
			.javaMigrations(migrations)
			.listeners(this.events::add)
			.build());
	}

}
