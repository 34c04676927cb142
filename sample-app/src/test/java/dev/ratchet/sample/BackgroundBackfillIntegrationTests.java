package dev.ratchet.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app with one more data migration, a background one: the application is ready and
 * serves requests while it runs, readiness stays up, and the endpoint shows its progress.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(BackgroundBackfillIntegrationTests.BackgroundBackfill.class)
class BackgroundBackfillIntegrationTests {

	private static final CountDownLatch gate = new CountDownLatch(1);

	private static TestDatabase.Db database;

	@Autowired
	private RestTestClient client;

	@Autowired
	private Ratchet ratchet;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (StringUtils.hasText(System.getenv("RATCHET_TEST_JDBC_URL"))) {
			database = TestDatabase.createDatabase();
			registry.add("spring.datasource.url", database::url);
			registry.add("spring.datasource.username", database::username);
			registry.add("spring.datasource.password", database::password);
		}
	}

	@AfterAll
	static void dropDatabase() {
		gate.countDown();
		if (database != null) {
			database.close();
		}
	}

	@Test
	void applicationServesRequestsAndStaysReadyWhileTheBackgroundMigrationRuns() {
		await(() -> this.ratchet.dataMigrations()
			.stream()
			.anyMatch((data) -> data.version().toString().equals("8") && data.state() == DataMigrationState.RUNNING
					&& data.processed() == 50));
		this.client.get().uri("/chatbots").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP");
		this.client.get()
			.uri("/actuator/migrations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("PENDING")
			.jsonPath("$.dataMigrations[1].version").isEqualTo("8")
			.jsonPath("$.dataMigrations[1].background").isEqualTo(true)
			.jsonPath("$.dataMigrations[1].state").isEqualTo("RUNNING")
			.jsonPath("$.dataMigrations[1].processed").isEqualTo(50);
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.migrations.status").isEqualTo("UP")
			.jsonPath("$.components.migrations.details.backgroundMigrations[0].version").isEqualTo("8");
		gate.countDown();
		await(() -> this.ratchet.status().pendingCount() == 0);
		this.client.get()
			.uri("/actuator/migrations")
			.exchange()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP_TO_DATE")
			.jsonPath("$.dataMigrations[1].state").isEqualTo("COMPLETED")
			.jsonPath("$.dataMigrations[1].processed").isEqualTo(100);
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/**
	 * Gives every demo conversation a title, in the background, fifty at a time; the second batch
	 * waits at the gate.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BackgroundBackfill {

		@Bean
		SpringBatchedMigration<Long> titleConversations() {
			return new SpringBatchedMigration<>() {

				private int batches;

				@Override
				public String version() {
					return "8";
				}

				@Override
				public String description() {
					return "title conversations";
				}

				@Override
				public BatchOptions options() {
					return BatchOptions.defaults().withBatchSize(50).withBackground(true);
				}

				@Override
				public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) {
					return context.jdbcClient()
						.sql("SELECT id FROM conversations WHERE id > :after ORDER BY id LIMIT :limit")
						.param("after", (after != null) ? Long.parseLong(after) : 0)
						.param("limit", limit)
						.query(Long.class)
						.list();
				}

				@Override
				public String keyOf(Long id) {
					return String.valueOf(id);
				}

				@Override
				public void processBatch(JdbcMigrationContext context, List<Long> ids) throws InterruptedException {
					context.jdbcClient()
						.sql("UPDATE conversations SET metadata = metadata || '{\"title\": \"Demo\"}' WHERE id IN (:ids)")
						.param("ids", ids)
						.update();
					if (++this.batches == 2) {
						gate.await(60, TimeUnit.SECONDS);
					}
				}

			};
		}

	}

}
