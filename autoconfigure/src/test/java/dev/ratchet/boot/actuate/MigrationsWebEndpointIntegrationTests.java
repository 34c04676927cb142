package dev.ratchet.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole application over HTTP, with every auto-configuration on the class path: what a deploy
 * gate, a readiness probe and a metrics scraper see.
 */
class MigrationsWebEndpointIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startApplication() {
		this.db.files().write("V1__create_session_table.sql", "CREATE TABLE session (id bigint PRIMARY KEY);")
			.write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		List<String> args = this.db.applicationArguments();
		args.addAll(List.of("--server.port=0", "--ratchet.health.cache-ttl=200ms",
				"--management.endpoints.web.exposure.include=health,migrations,metrics",
				"--management.endpoint.health.show-details=always", "--management.endpoint.health.probes.enabled=true",
				"--management.endpoint.health.group.readiness.include=readinessState,migrations"));
		this.context = SpringApplication.run(WebApplication.class, args.toArray(String[]::new));
	}

	@AfterEach
	void stopApplication() {
		this.context.close();
	}

	@Test
	void migrationsEndpointAnswersTheContractJson() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.propertyNames()).containsExactly("status", "schema", "table", "currentVersion", "pendingCount",
				"migrations", "lock", "lastRun", "lint", "drift");
		assertThat(body.get("status").asString()).isEqualTo("UP_TO_DATE");
		assertThat(body.get("currentVersion").asString()).isEqualTo("2");
		assertThat(body.get("migrations").get(1).get("installedOn").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(body.get("lint").get("findings").isEmpty()).isTrue();
		assertThat(body.get("drift").get("drifted").asBoolean()).isFalse();
		assertThat(body.get("drift").get("snapshotTakenOn").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void readinessFollowsTheSchemaWhileLivenessDoesNot() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(get("/actuator/health").body());
		assertThat(health.get("components").get("migrations").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("migrations").get("details").get("currentVersion").asString())
			.isEqualTo("2");
		Sql.execute(this.db, "UPDATE ratchet_history SET checksum = 'edited' WHERE version = '2'");
		Thread.sleep(400);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		JsonNode migrations = this.json.readTree(readiness.body()).get("components").get("migrations");
		assertThat(migrations.get("status").asString()).isEqualTo("DOWN");
		assertThat(migrations.get("details").get("script").asString()).isEqualTo("V2__create_chatbot.sql");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void metricsCountTheStartupRun() throws Exception {
		JsonNode applied = this.json.readTree(get("/actuator/metrics/ratchet.migrations.applied").body());
		assertThat(applied.get("measurements").get(0).get("value").asDouble()).isEqualTo(2);
		assertThat(applied.get("availableTags").findValuesAsString("tag")).containsExactlyInAnyOrder("type", "outcome");
		assertThat(get("/actuator/metrics/ratchet.migration.duration").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics/ratchet.lock.wait").statusCode()).isEqualTo(200);
		JsonNode pending = this.json.readTree(get("/actuator/metrics/ratchet.migrations.pending").body());
		assertThat(pending.get("measurements").get(0).get("value").asDouble()).isZero();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

	}

}
