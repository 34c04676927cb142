package dev.ratchet.boot.actuate;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationState;
import dev.ratchet.Ratchet;
import dev.ratchet.SchemaStatus;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link MigrationsHealthIndicator}: the contract's statuses and details in
 * every state, including changes made by another instance after start-up.
 */
class MigrationsHealthIndicatorIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			RatchetHealthContributorAutoConfiguration.class);

	@Test
	void upToDateSchemaIsUp() {
		run((context) -> {
			Health health = assertStatus(context, Status.UP);
			assertThat(health.getDetails()).containsOnly(entry("status", SchemaStatus.UP_TO_DATE),
					entry("currentVersion", "2"), entry("pendingCount", 0));
		});
	}

	@Test
	void pendingWorkInValidateModeIsOutOfServiceUntilAnotherInstanceMigrates() {
		run((context) -> {
			Health health = assertStatus(context, Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsOnly(entry("status", SchemaStatus.PENDING),
					entry("pendingCount", 2));
			migrateAsAnotherInstance();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		}, "ratchet.mode=validate", "ratchet.health.cache-ttl=0");
	}

	@Test
	void failedMigrationIsDownNamingTheScriptAtFault() {
		MigrationsEndpointIntegrationTests.withFailedMigration(this.contextRunner, this.db).run((context) -> {
			Health health = assertStatus(context, Status.DOWN);
			assertThat(health.getDetails()).contains(entry("status", SchemaStatus.FAILED),
					entry("currentVersion", "2"), entry("version", "3"), entry("script", "V3__index_chatbot.sql"),
					entry("state", MigrationState.FAILED));
			assertThat(health.getDetails().get("problems")).asInstanceOf(InstanceOfAssertFactories.LIST)
				.singleElement()
				.asString()
				.contains("V3__index_chatbot.sql failed part-way", "column \"owner\" does not exist", "repair");
		});
	}

	@Test
	void changeByAnotherInstanceAfterStartupShowsOnceTheCacheExpires() throws Exception {
		run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			Sql.execute(this.db, "UPDATE ratchet_history SET checksum = 'edited' WHERE version = '1'");
			assertThat(health(context).getStatus()).as("cached").isEqualTo(Status.UP);
			Thread.sleep(2100);
			Health health = assertStatus(context, Status.DOWN);
			assertThat(health.getDetails()).contains(entry("status", SchemaStatus.INVALID), entry("version", "1"),
					entry("script", "V1__create_session_table.sql"), entry("state", MigrationState.CHANGED));
			assertThat(health.getDetails().get("problems").toString()).contains("has changed since");
		}, "ratchet.health.cache-ttl=2s");
	}

	@Test
	void migrationMissingFromThisInstanceIsDown() {
		run((context) -> {
			Sql.execute(this.db, """
					INSERT INTO ratchet_history (installed_rank, version, description, type, script, checksum,
					                             execution_time, success)
					VALUES (10, '1.5', 'hotfix', 'SQL', 'V1.5__hotfix.sql', 'abc', 3, true)""");
			Health health = assertStatus(context, Status.DOWN);
			assertThat(health.getDetails()).contains(entry("version", "1.5"), entry("script", "V1.5__hotfix.sql"),
					entry("state", MigrationState.MISSING));
		}, "ratchet.health.cache-ttl=0");
	}

	@Test
	void driftShowsInTheDetailsAndLeavesHealthUpByDefault() {
		run((context) -> {
			Sql.execute(this.db, "ALTER TABLE chatbot ADD COLUMN owner text");
			Health health = assertStatus(context, Status.UP);
			assertThat(health.getDetails()).containsKey("drift");
			DriftDescriptor drift = (DriftDescriptor) health.getDetails().get("drift");
			assertThat(drift.drifted()).isTrue();
			assertThat(drift.differences()).singleElement().hasToString("column chatbot.owner added: text");
		}, "ratchet.health.cache-ttl=0", "ratchet.drift.cache-ttl=0");
	}

	@Test
	void driftMakesHealthDownWhenFailOnDriftIsSet() {
		run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			Sql.execute(this.db, "DROP TABLE chatbot");
			Health health = assertStatus(context, Status.DOWN);
			assertThat(health.getDetails()).contains(entry("status", SchemaStatus.UP_TO_DATE)).containsKey("drift");
			assertThat(((DriftDescriptor) health.getDetails().get("drift")).differences()).singleElement()
				.hasToString("table chatbot removed (was: table)");
		}, "ratchet.health.cache-ttl=0", "ratchet.drift.cache-ttl=0", "ratchet.health.fail-on-drift=true");
	}

	@Test
	void baselinedSchemaIsUp() {
		Sql.execute(this.db, "CREATE TABLE session (id bigint PRIMARY KEY)");
		run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.UP), "ratchet.baseline-on-migrate=true");
	}

	@Test
	void runOfThisInstanceIsOutOfServiceAndEndsTheCache() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.contextRunner
			.withBean(JavaMigration.class, () -> MigrationsEndpointIntegrationTests.blockingMigration(started, release))
			.withPropertyValues("ratchet.mode=validate",
					"ratchet.health.cache-ttl=1h")
			.run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				CompletableFuture<?> run = CompletableFuture.runAsync(() -> context.getBean(Ratchet.class).migrate());
				try {
					assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
					Health health = assertStatus(context, Status.OUT_OF_SERVICE);
					assertThat(health.getDetails()).containsEntry("status", SchemaStatus.RUNNING);
				}
				finally {
					release.countDown();
				}
				run.get(20, TimeUnit.SECONDS);
				assertThat(health(context).getStatus()).as("read again after the run despite the TTL")
					.isEqualTo(Status.UP);
			});
	}

	private void run(ContextConsumer<AssertableApplicationContext> consumer, String... properties) {
		RatchetContextRunner.runStarted(this.contextRunner, consumer, properties);
	}

	private void migrateAsAnotherInstance() {
		this.db.ratchet().migrate();
	}

	/** Asserts the health's status, and returns the health for its details. */
	private static Health assertStatus(AssertableApplicationContext context, Status status) {
		Health health = health(context);
		assertThat(health.getStatus()).isEqualTo(status);
		return health;
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
	}

	private static Map.Entry<String, Object> entry(String key, Object value) {
		return Map.entry(key, value);
	}

}
