package dev.ratchet.boot.actuate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;


import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.SchemaStatus;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMetricsAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMigrationStrategy;
import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.test.AssignOwnersMigration;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.test.Await;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched data migrations in the ops surface: the endpoint's {@code dataMigrations} array with the
 * ledger's first items, the {@code ratchet.data.items} meter, and a health that stays {@code UP}
 * while a background migration runs healthy and is {@code DOWN} when one failed.
 */
class DataMigrationsOpsIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__chatbots.sql", AssignOwnersMigration.CHATBOTS)
		.withMigration("V2__owners_needed.sql", "CREATE INDEX chatbot_owner ON chatbot (owner);");

	private final ApplicationContextRunner contextRunner = RatchetContextRunner
		.of(this.db, RatchetEndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
				RatchetMetricsAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "ratchet.health.cache-ttl=0");

	@BeforeEach
	void closeGate() {
		AssignOwners.gate = null;
	}

	@AfterEach
	void openGate() {
		// before the database is dropped: a background batch may still wait at the gate
		if (AssignOwners.gate != null) {
			AssignOwners.gate.countDown();
		}
	}

	@Test
	void endpointShowsDataMigrationsWithTheFirstItemsOfTheirLedger() {
		MeterRegistry registry = new SimpleMeterRegistry();
		this.contextRunner.withBean(MeterRegistry.class, () -> registry)
			.withBean(AssignOwners.class, () -> new AssignOwners(false))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsEndpointDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
				var mapper = context.getBean(EndpointJsonMapper.class).get();
				JsonNode json = mapper.readTree(mapper.writeValueAsString(descriptor));
				JsonNode data = json.get("dataMigrations").get(0);
				assertThat(data.get("version").asString()).isEqualTo("1.1");
				assertThat(data.get("state").asString()).isEqualTo("COMPLETED");
				assertThat(data.get("processed").asInt()).isEqualTo(18);
				assertThat(data.get("failed").asInt()).isEqualTo(2);
				assertThat(data.get("failedItems").findValuesAsString("key")).containsExactly("4", "9");
				assertThat(data.get("failedItems").get(0).get("error").asString())
					.isEqualTo("creator 4 has no associated user");
				assertThat(registry.get("ratchet.data.items").tag("outcome", "processed").counter().count())
					.isEqualTo(18);
				assertThat(registry.get("ratchet.data.items").tag("outcome", "failed").counter().count()).isEqualTo(2);
			});
	}

	@Test
	void failedDataMigrationIsDownWithItsFailure() {
		this.contextRunner.withBean(AssignOwners.class, () -> new AssignOwners(false) {

				@Override
				public BatchOptions options() {
					return super.options().withFailurePolicy(FailurePolicy.failFast());
				}

			})
			.withBean(RatchetMigrationStrategy.class,
					() -> MigrationsEndpointIntegrationTests.RatchetMigrationStrategyTolerant.INSTANCE)
			.run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("status", SchemaStatus.FAILED)
					.containsEntry("version", "1.1")
					.hasEntrySatisfying("script", (script) -> assertThat(script).asString()
						.startsWith(DataMigrationsOpsIntegrationTests.class.getName()))
					.containsEntry("failure", "item '4' failed: creator 4 has no associated user");
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthStaysUpWhileABackgroundMigrationRunsAndTheEndpointShowsItsProgress() {
		AssignOwners.gate = new CountDownLatch(1);
		try (ConfigurableApplicationContext context = start()) {
			Ratchet ratchet = context.getBean(Ratchet.class);
			Await.until(() -> ratchet.dataMigrations().get(0).state() == DataMigrationState.RUNNING);
			Health health = context.getBean(MigrationsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("status", SchemaStatus.PENDING)
				.containsEntry("pendingCount", 2);
			assertThat(health.getDetails().get("backgroundMigrations")).asList()
				.singleElement()
				.satisfies((migration) -> assertThat((Map<String, Object>) migration).containsEntry("version", "1.1")
					.containsEntry("state", DataMigrationState.RUNNING)
					.containsEntry("total", 20L)
					.containsEntry("waiting", List.of("2")));
			MigrationsEndpointDescriptor endpoint = context.getBean(MigrationsEndpoint.class).migrations();
			assertThat(endpoint.schema().status()).isEqualTo(SchemaStatus.PENDING);
			assertThat(endpoint.schema().dataMigrations()).singleElement()
				.satisfies((data) -> assertThat(data.state()).isEqualTo(DataMigrationState.RUNNING));
			assertThat(context.getBean(MigrationRunTracker.class).isRunningInBackground()).isTrue();
			AssignOwners.gate.countDown();
			Await.until(() -> ratchet.dataMigrations().get(0).state() == DataMigrationState.COMPLETED);
			// Version 2 waits for the next start-up: pending work again, not background work.
			assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
		}
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(BackgroundApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = this.db.applicationArguments();
		args.addAll(List.of("--spring.jmx.enabled=true", "--management.endpoints.jmx.exposure.include=migrations",
				"--ratchet.health.cache-ttl=0"));
		return application.run(args.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class,
			RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class })
	static class BackgroundApplication {

		@Bean
		AssignOwners assignOwners() {
			return new AssignOwners(true);
		}

	}

	/**
	 * Gives each chatbot its creator's user as owner; a creator without a user fails the item.
	 */
	static class AssignOwners extends AssignOwnersMigration {

		static volatile CountDownLatch gate;

		AssignOwners(boolean background) {
			super("assign chatbot owners", BatchOptions.defaults()
				.withBatchSize(5)
				.withFailurePolicy(FailurePolicy.skipUpTo(10))
				.withBackground(background));
		}

		@Override
		public void processBatch(JdbcMigrationContext context, List<Long> ids) throws Exception {
			super.processBatch(context, ids);
			CountDownLatch current = gate;
			if (current != null && ids.size() > 1) {
				current.await(60, TimeUnit.SECONDS);
			}
		}

	}

}
