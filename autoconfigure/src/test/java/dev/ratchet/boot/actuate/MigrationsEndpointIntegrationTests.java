package dev.ratchet.boot.actuate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMigrationStrategy;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.MigrationLock;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link MigrationsEndpoint}: the contract's JSON, field by field, in every
 * state, as Actuator writes it.
 */
class MigrationsEndpointIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.freshWithView();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			RatchetEndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	@TempDir
	private Path migrations;

	@Test
	void upToDateSchemaShowsEveryContractField() {
		run((context) -> {
			JsonNode json = json(context);
			assertThat(json.propertyNames()).containsExactly("status", "schema", "table", "currentVersion",
					"pendingCount", "migrations", "lock", "lastRun", "lint", "drift");
			assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(json.get("schema").asString()).isEqualTo("public");
			assertThat(json.get("table").asString()).isEqualTo("ratchet_history");
			assertThat(json.get("currentVersion").isString()).isTrue();
			assertThat(json.get("currentVersion").asString()).isEqualTo("2");
			assertThat(json.get("pendingCount").asInt()).isZero();
			assertThat(json.get("migrations")).hasSize(3);
			JsonNode first = json.get("migrations").get(0);
			assertThat(first.propertyNames()).containsExactly("version", "description", "type", "script", "checksum",
					"state", "installedBy", "installedOn", "executionTimeMs", "undoable");
			assertThat(first.get("undoable").asBoolean()).isFalse();
			assertThat(first.get("version").isString()).isTrue();
			ChatbotDatabase.assertSessionMigrationApplied(first, this.db.username());
			assertThat(Instant.parse(first.get("installedOn").asString())).isBefore(Instant.now().plusSeconds(1));
			assertThat(first.get("installedOn").asString()).endsWith("Z");
			assertThat(first.get("executionTimeMs").isIntegralNumber()).isTrue();
			JsonNode repeatable = json.get("migrations").get(2);
			assertThat(repeatable.has("version")).isFalse();
			assertThat(repeatable.get("type").asString()).isEqualTo("REPEATABLE");
			assertThat(repeatable.get("state").asString()).isEqualTo("APPLIED");
			assertThat(json.get("lock").propertyNames()).containsExactly("held");
			assertThat(json.get("lock").get("held").asBoolean()).isFalse();
			JsonNode lastRun = json.get("lastRun");
			assertThat(lastRun.propertyNames()).containsExactly("startedAt", "finishedAt", "appliedCount", "durationMs");
			assertThat(lastRun.get("appliedCount").asInt()).isEqualTo(3);
			assertThat(Instant.parse(lastRun.get("startedAt").asString()))
				.isBeforeOrEqualTo(Instant.parse(lastRun.get("finishedAt").asString()));
			assertThat(lastRun.get("durationMs").isIntegralNumber()).isTrue();
		});
	}

	@Test
	void pendingWorkInValidateModeIsPendingWithoutHistoryFields() {
		migrateAsAnotherInstance(this.db.files());
		this.db.files().write("V3__add_chatbot_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner text;");
		run((context) -> {
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("PENDING");
			assertThat(json.get("currentVersion").asString()).isEqualTo("2");
			assertThat(json.get("pendingCount").asInt()).isEqualTo(1);
			JsonNode pending = json.get("migrations").get(2);
			assertThat(pending.propertyNames()).containsExactly("version", "description", "type", "script", "checksum",
					"state");
			assertThat(pending.get("version").asString()).isEqualTo("3");
			assertThat(pending.get("state").asString()).isEqualTo("PENDING");
			assertThat(json.has("lastRun")).isFalse();
		}, "ratchet.mode=validate");
	}

	@Test
	void failedNonTransactionalMigrationIsFailedWithTheRunsFailure() {
		withFailedMigration(this.contextRunner, this.db).run((context) -> {
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("FAILED");
			JsonNode failed = json.get("migrations").get(2);
			assertThat(failed.get("version").asString()).isEqualTo("3");
			assertThat(failed.get("script").asString()).isEqualTo("V3__index_chatbot.sql");
			assertThat(failed.get("state").asString()).isEqualTo("FAILED");
			assertThat(failed.get("installedOn").asString()).isNotBlank();
			JsonNode lastRun = json.get("lastRun");
			assertThat(lastRun.get("appliedCount").asInt()).isEqualTo(2);
			JsonNode failure = lastRun.get("failure");
			assertThat(failure.propertyNames()).containsExactly("script", "line", "sqlState", "message");
			assertThat(failure.get("script").asString()).isEqualTo("V3__index_chatbot.sql");
			assertThat(failure.get("line").asInt()).isEqualTo(3);
			assertThat(failure.get("sqlState").asString()).isEqualTo("42703");
			assertThat(failure.get("message").asString()).contains("owner");
		});
	}

	@Test
	void changedAndMissingMigrationsAppliedByAnotherInstanceAreInvalid() {
		run((context) -> {
			Sql.execute(this.db, "UPDATE ratchet_history SET checksum = 'edited' WHERE version = '1'");
			Sql.execute(this.db, """
					INSERT INTO ratchet_history (installed_rank, version, description, type, script, checksum,
					                             execution_time, success)
					VALUES (10, '1.5', 'hotfix', 'SQL', 'V1.5__hotfix.sql', 'abc', 3, true)""");
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("INVALID");
			assertThat(json.get("migrations").get(0).get("state").asString()).isEqualTo("CHANGED");
			assertThat(json.get("migrations").get(0).get("checksum").asString()).isEqualTo("edited");
			JsonNode missing = json.get("migrations").get(1);
			assertThat(missing.get("version").asString()).isEqualTo("1.5");
			assertThat(missing.get("script").asString()).isEqualTo("V1.5__hotfix.sql");
			assertThat(missing.get("state").asString()).isEqualTo("MISSING");
			assertThat(missing.get("executionTimeMs").asInt()).isEqualTo(3);
		});
	}

	@Test
	void outdatedRepeatableIsPending() {
		run((context) -> {
			Sql.execute(this.db, "UPDATE ratchet_history SET checksum = 'older' WHERE type = 'REPEATABLE'");
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("PENDING");
			assertThat(json.get("pendingCount").asInt()).isEqualTo(1);
			assertThat(json.get("migrations").get(2).get("state").asString()).isEqualTo("OUTDATED");
		});
	}

	@Test
	void migrationAppliedAfterANewerOneIsOutOfOrder() {
		this.db.files().write("V3__add_chatbot_owner.sql", "CREATE TABLE owner (name text);");
		migrateAsAnotherInstance(new MigrationFiles(this.migrations.resolve("older"))
			.write("V1__create_session_table.sql", "CREATE TABLE session (id bigint PRIMARY KEY);")
			.write("V3__add_chatbot_owner.sql", "CREATE TABLE owner (name text);"));
		run((context) -> {
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(json.get("migrations").get(1).get("state").asString()).isEqualTo("OUT_OF_ORDER");
			assertThat(json.get("currentVersion").asString()).isEqualTo("3");
		}, "ratchet.out-of-order=true");
	}

	@Test
	void baselinedSchemaShowsTheBaselineAndWhatIsBelowIt() {
		Sql.execute(this.db, "CREATE TABLE session (id bigint PRIMARY KEY)");
		run((context) -> {
			JsonNode json = json(context);
			assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
			JsonNode below = json.get("migrations").get(0);
			assertThat(below.get("version").asString()).isEqualTo("1");
			assertThat(below.get("state").asString()).isEqualTo("BELOW_BASELINE");
			JsonNode baseline = json.get("migrations").get(1);
			assertThat(baseline.get("version").asString()).isEqualTo("1");
			assertThat(baseline.get("type").asString()).isEqualTo("BASELINE");
			assertThat(baseline.get("state").asString()).isEqualTo("BASELINE");
			assertThat(baseline.get("installedBy").asString()).isEqualTo(this.db.username());
			assertThat(json.get("migrations").get(2).get("state").asString()).isEqualTo("APPLIED");
		}, "ratchet.baseline-on-migrate=true");
	}

	@Test
	void runningMigrationOfThisInstanceIsRunningUnderItsLock() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.contextRunner
			.withBean(JavaMigration.class, () -> blockingMigration(started, release))
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> {
				CompletableFuture<?> run = CompletableFuture.runAsync(() -> context.getBean(Ratchet.class).migrate());
				try {
					assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
					JsonNode json = json(context);
					assertThat(json.get("status").asString()).isEqualTo("RUNNING");
					assertThat(json.get("lock").get("held").asBoolean()).isTrue();
					JsonNode holder = json.get("lock").get("holder");
					assertThat(holder.propertyNames()).containsExactly("pid", "applicationName", "clientAddress", "user",
							"since");
					assertThat(holder.get("applicationName").asString()).startsWith("ratchet lock ");
					assertThat(holder.get("user").asString()).isEqualTo(this.db.username());
				}
				finally {
					release.countDown();
				}
				run.get(20, TimeUnit.SECONDS);
				JsonNode json = json(context);
				assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
				assertThat(json.get("lock").get("held").asBoolean()).isFalse();
				assertThat(json.get("lastRun").get("appliedCount").asInt()).isEqualTo(4);
			});
	}

	@Test
	void lintFindingsOfPendingMigrationsAreShown() {
		migrateAsAnotherInstance(this.db.files());
		this.db.files().write("V3__index_chatbot.sql", "\nCREATE INDEX chatbot_name_idx ON chatbot (name);");
		run((context) -> {
			JsonNode lint = json(context).get("lint");
			assertThat(lint.get("errorCount").asInt()).isZero();
			assertThat(lint.get("warningCount").asInt()).isEqualTo(2);
			JsonNode finding = lint.get("findings").get(0);
			assertThat(finding.propertyNames()).containsExactly("rule", "severity", "script", "line", "column",
					"message", "hint");
			assertThat(finding.get("rule").asString()).isEqualTo("risk.index-not-concurrent");
			assertThat(finding.get("severity").asString()).isEqualTo("WARNING");
			assertThat(finding.get("script").asString()).isEqualTo("V3__index_chatbot.sql");
			assertThat(finding.get("line").asInt()).isEqualTo(2);
			assertThat(finding.get("column").asInt()).isEqualTo(1);
			assertThat(finding.get("hint").asString()).contains("CONCURRENTLY");
		}, "ratchet.mode=validate");
	}

	@Test
	void driftMadeByHandIsShown() {
		run((context) -> {
			JsonNode drift = json(context).get("drift");
			assertThat(drift.propertyNames()).containsExactly("drifted", "snapshotTakenOn", "differences");
			assertThat(drift.get("drifted").asBoolean()).isFalse();
			assertThat(Instant.parse(drift.get("snapshotTakenOn").asString())).isBefore(Instant.now().plusSeconds(1));
			Sql.execute(this.db, "ALTER TABLE chatbot ADD COLUMN owner text");
			Sql.execute(this.db, "DROP TABLE session");
			drift = json(context).get("drift");
			assertThat(drift.get("drifted").asBoolean()).isTrue();
			JsonNode table = drift.get("differences").get(0);
			assertThat(table.propertyNames()).containsExactly("kind", "name", "change", "before");
			assertThat(table.get("kind").asString()).isEqualTo("TABLE");
			assertThat(table.get("name").asString()).isEqualTo("session");
			assertThat(table.get("change").asString()).isEqualTo("REMOVED");
			JsonNode column = drift.get("differences").get(1);
			assertThat(column.propertyNames()).containsExactly("kind", "name", "change", "after");
			assertThat(column.get("kind").asString()).isEqualTo("COLUMN");
			assertThat(column.get("name").asString()).isEqualTo("chatbot.owner");
			assertThat(column.get("change").asString()).isEqualTo("ADDED");
			assertThat(column.get("after").asString()).isEqualTo("text");
		}, "ratchet.drift.cache-ttl=0");
	}

	@Test
	void driftComparisonIsReusedUntilTheHistoryChanges() {
		run((context) -> {
			assertThat(json(context).get("drift").get("drifted").asBoolean()).isFalse();
			Sql.execute(this.db, "ALTER TABLE chatbot ADD COLUMN owner text");
			assertThat(json(context).get("drift").get("drifted").asBoolean()).as("reused").isFalse();
			migrateAsAnotherInstance(this.db.files().write("V3__create_owner.sql", "CREATE TABLE owner (name text);"));
			JsonNode drift = json(context).get("drift");
			assertThat(drift.get("drifted").asBoolean()).as("compared again after another instance's run").isTrue();
			assertThat(drift.get("differences")).hasSize(1);
			assertThat(drift.get("differences").get(0).get("name").asString()).isEqualTo("chatbot.owner");
		});
	}

	@Test
	void driftIsNotComparedWhileAnotherSessionHoldsTheMigrationLock() throws Exception {
		run((context) -> {
			assertThat(json(context).get("drift").get("drifted").asBoolean()).isFalse();
			try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
				statement.execute(MigrationLock.lockStatement("public", "ratchet_history"));
				// As a migration of another instance would, between two snapshots.
				Sql.execute(this.db, "CREATE TABLE owner (name text)");
				assertThat(json(context).get("drift").get("drifted").asBoolean()).as("the last comparison").isFalse();
			}
			assertThat(json(context).get("drift").get("drifted").asBoolean()).isTrue();
		}, "ratchet.drift.cache-ttl=0");
	}

	@Test
	void lockHeldByAnotherSessionShowsWhoHoldsIt() {
		run((context) -> {
			try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
				statement.execute("SET application_name = 'deploy-job-42'");
				statement.execute(MigrationLock.lockStatement("public", "ratchet_history"));
				JsonNode lock = json(context).get("lock");
				assertThat(lock.get("held").asBoolean()).isTrue();
				assertThat(lock.get("holder").get("applicationName").asString()).isEqualTo("deploy-job-42");
				assertThat(lock.get("holder").get("pid").asInt()).isPositive();
				assertThat(Instant.parse(lock.get("holder").get("since").asString())).isNotNull();
			}
		});
	}

	@Test
	void nonDefaultSchemaAndTableAreShownAndTheirLockWatched() {
		run((context) -> {
			JsonNode json = json(context);
			assertThat(json.get("schema").asString()).isEqualTo("chat ops");
			assertThat(json.get("table").asString()).isEqualTo("Migration_Log");
			assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(Sql.exists(this.db, "\"chat ops\".\"Migration_Log\"")).isTrue();
			try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
				statement.execute(MigrationLock.lockStatement("chat ops", "Migration_Log"));
				assertThat(json(context).get("lock").get("held").asBoolean()).isTrue();
			}
		}, "ratchet.schema=chat ops", "ratchet.table=Migration_Log");
	}

	private void run(ContextConsumer<AssertableApplicationContext> consumer, String... properties) {
		RatchetContextRunner.runStarted(this.contextRunner, consumer, properties);
	}

	private void migrateAsAnotherInstance(MigrationFiles files) {
		new Ratchet(RatchetConfiguration.builder(this.db.dataSource()).locations(files.location()).build()).migrate();
	}

	static JsonNode json(AssertableApplicationContext context) {
		MigrationsEndpointDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
		var mapper = context.getBean(EndpointJsonMapper.class).get();
		return mapper.readTree(mapper.writeValueAsString(descriptor));
	}

	/**
	 * Writes a migration without a transaction that fails part-way (its second index names a column
	 * the chatbot table lacks), and returns the runner with a start-up strategy that keeps the
	 * application up when it fails.
	 */
	static ApplicationContextRunner withFailedMigration(ApplicationContextRunner runner, FreshDatabase db) {
		db.files().write("V3__index_chatbot.sql", """
				-- ratchet:no-transaction
				CREATE INDEX CONCURRENTLY chatbot_name ON chatbot (name);
				CREATE INDEX CONCURRENTLY chatbot_owner ON chatbot (owner);
				""");
		return runner.withBean(RatchetMigrationStrategy.class, () -> RatchetMigrationStrategyTolerant.INSTANCE);
	}

	/**
	 * Returns a Java migration that waits to be released, so that a test can look at a run in
	 * progress.
	 */
	static JavaMigration blockingMigration(CountDownLatch started, CountDownLatch release) {
		return new TestJavaMigration("2.1", "wait for the test", (context) -> {
			started.countDown();
			release.await(20, TimeUnit.SECONDS);
		});
	}

	/**
	 * A start-up strategy that keeps the application up when a migration fails.
	 */
	enum RatchetMigrationStrategyTolerant implements RatchetMigrationStrategy {

		INSTANCE;

		@Override
		public void migrate(Ratchet ratchet) {
			try {
				ratchet.migrate();
			}
			catch (MigrationFailedException ex) {
				// Reported by health and the endpoint.
			}
		}

	}

}
