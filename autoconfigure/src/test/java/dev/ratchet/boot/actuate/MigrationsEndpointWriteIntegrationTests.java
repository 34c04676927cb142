package dev.ratchet.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's write operation over HTTP, on a running background backfill: pause stops it after
 * its batch, a second pause is a conflict, resume runs it to the end in this instance; without
 * {@code management.endpoint.migrations.access=unrestricted} there is no write operation at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsEndpointWriteIntegrationTests {

	private static final int ROWS = 300;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__items.sql", """
			CREATE TABLE item (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);
			INSERT INTO item (id) SELECT i FROM generate_series(1, %d) i;
			""".formatted(ROWS));

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void operatorPausesARunningBackfillThenResumesItToTheEnd(CapturedOutput output) throws Exception {
		start("--management.endpoint.migrations.access=unrestricted");
		await("some batches committed", () -> dataMigration().get("batches").asLong() >= 2);
		HttpResponse<String> paused = post("1.1", "pause");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(output).as("without Spring Security, writes need no role and name no principal")
			.contains("pause requested through the migrations endpoint by anonymous (no principal)");
		assertThat(this.json.readTree(paused.body()).get("state").asString()).isEqualTo("PAUSED");
		await("the run stopped", () -> !this.context.getBean(dev.ratchet.boot.data.BackgroundMigrationRunner.class)
			.isMigrating());
		long processed = dataMigration().get("processed").asLong();
		assertThat(processed).isLessThan(ROWS);
		Thread.sleep(300);
		assertThat(dataMigration().get("processed").asLong()).isEqualTo(processed);
		assertThat(dataMigration().get("state").asString()).isEqualTo("PAUSED");

		HttpResponse<String> again = post("1.1", "pause");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(again.body()).get("state").asString()).isEqualTo("PAUSED");
		assertThat(this.json.readTree(again.body()).get("message").asString()).contains("cannot be paused");
		assertThat(post("1.1", "explode").statusCode()).isEqualTo(400);
		assertThat(post("9", "pause").statusCode()).isEqualTo(404);

		assertThat(post("1.1", "resume").statusCode()).isEqualTo(200);
		await("the backfill completed", () -> "COMPLETED".equals(dataMigration().get("state").asString()));
		assertThat(Sql.column(this.db, "SELECT touched, count(*) FROM item GROUP BY touched"))
			.containsExactly("1");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM item WHERE touched = 1")).isEqualTo(ROWS);
	}

	@Test
	void endpointIsReadOnlyByDefault() throws Exception {
		start();
		await("some batches committed", () -> dataMigration().get("batches").asLong() >= 1);
		HttpResponse<String> refused = post("1.1", "pause");
		assertThat(refused.statusCode()).isBetween(400, 405);
		assertThat(dataMigration().get("state").asString()).isNotEqualTo("PAUSED");
		assertThat(Sql.column(this.db, "SELECT count(*) FROM ratchet_history_data WHERE state = 'PAUSED'"))
			.containsExactly("0");
	}

	private void start(String... more) {
		List<String> args = this.db.applicationArguments();
		args.addAll(List.of("--server.port=0", "--management.endpoints.web.exposure.include=migrations"));
		args.addAll(List.of(more));
		this.context = SpringApplication.run(WebApplication.class, args.toArray(String[]::new));
	}

	private JsonNode dataMigration() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/actuator/migrations")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).get("dataMigrations").get(0);
	}

	private HttpResponse<String> post(String version, String action) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/actuator/migrations/" + version))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"" + action + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private static void await(String what, Check check) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!check.holds()) {
			assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean holds() throws Exception;

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		SlowBackfill slowBackfill() {
			return new SlowBackfill();
		}

	}

	/**
	 * Touches every item once, ten per batch, each batch taking a little while.
	 */
	static class SlowBackfill extends SpringKeysetTestMigration {

		SlowBackfill() {
			super("1.1", "touch items", "item", BatchOptions.defaults().withBatchSize(10).withBackground(true));
		}

		@Override
		public void processBatch(JdbcMigrationContext context, List<Long> ids) throws Exception {
			super.processBatch(context, ids);
			context.jdbcClient().sql("SELECT pg_sleep(0.05)").query().singleRow();
		}

		@Override
		public void process(JdbcMigrationContext context, Long id) {
			context.jdbcClient().sql("UPDATE item SET touched = touched + 1 WHERE id = :id").param("id", id).update();
		}

	}

}
