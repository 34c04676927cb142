package dev.ratchet.sample;

import java.util.concurrent.CountDownLatch;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.test.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The sample app with one more data migration, a background one: the application is ready and
 * serves requests while it runs, readiness stays up, and the endpoint shows its progress.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(BackgroundBackfillIntegrationTests.BackgroundBackfill.class)
class BackgroundBackfillIntegrationTests extends ExternalDatabaseTests {

	private static final CountDownLatch gate = new CountDownLatch(1);

	@Autowired
	private RestTestClient client;

	@Autowired
	private Ratchet ratchet;

	@AfterAll
	static void openTheGate() {
		gate.countDown();
	}

	@Test
	void applicationServesRequestsAndStaysReadyWhileTheBackgroundMigrationRuns() {
		Await.until(() -> this.ratchet.dataMigrations()
			.stream()
			.anyMatch((data) -> data.version().toString().equals("8") && data.state() == DataMigrationState.RUNNING
					&& data.processed() == 50));
		this.client.get().uri("/chatbots").exchange().expectStatus().isOk();
		RestChecks.getOk(this.client, "/actuator/health/readiness")
			.jsonPath("$.status").isEqualTo("UP");
		RestChecks.getOk(this.client, "/actuator/migrations")
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
		Await.until(() -> this.ratchet.status().pendingCount() == 0);
		this.client.get()
			.uri("/actuator/migrations")
			.exchange()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP_TO_DATE")
			.jsonPath("$.dataMigrations[1].state").isEqualTo("COMPLETED")
			.jsonPath("$.dataMigrations[1].processed").isEqualTo(100);
	}

	/**
	 * Gives every demo conversation a title, in the background, fifty at a time; the second batch
	 * waits at the gate.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BackgroundBackfill {

		@Bean
		SpringBatchedMigration<Long> titleConversations() {
			return new TitleConversations(50, gate, 0);
		}

	}

}
