package dev.ratchet.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sample app as the default build leaves it, processed by Spring AOT ({@code process-aot}), run
 * on the JVM with {@code -Dspring.aot.enabled=true}: the generated hints cover its migrations, it
 * migrates an empty database at start-up and serves the endpoint, probes and scrape, and one-shot
 * commands work.
 */
class SampleAppAotIntegrationTests {

	private static final Path METADATA = Path.of("target", "classes", "META-INF", "native-image", "dev.ratchet",
			"ratchet-sample-app", "reachability-metadata.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void jarIsPackaged() {
		SampleJar.assertPackaged();
	}

	@Test
	void generatedHintsIncludeTheMigrationsAndJavaMigrations() throws IOException {
		assertThat(METADATA).as("written by process-aot").isRegularFile();
		JsonNode metadata = json.readTree(METADATA.toFile());
		List<String> globs = metadata.get("resources").findValuesAsString("glob");
		assertThat(globs).contains("db/migration/**/*.sql", "db/migration/**/migration_lock.toml");
		List<String> types = metadata.get("reflection").findValuesAsString("type");
		assertThat(types).contains("dev.ratchet.sample.creators.DemoShops",
				"dev.ratchet.sample.creators.AssignChatbotCreators", "org.postgresql.PGConnection");
	}

	@Test
	void aotStartUpMigratesAnEmptyDatabaseAndServesEndpoints() throws Exception {
		// The AOT context was built without spring.datasource.url, so it is the embedded (empty) database.
		int port = freePort();
		Path log = ChildLogs.file("SampleAppAot-startup");
		List<String> command = new ArrayList<>(SampleJar.javaJar("-Dspring.aot.enabled=true"));
		command.add("--server.port=" + port);
		Process app = SampleJar.start(log, command);
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			JsonNode migrations = json.readTree(awaitOk(http, app, log, port, "/actuator/migrations"));
			assertThat(migrations.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(migrations.get("currentVersion").asString()).isEqualTo("7");
			assertThat(migrations.get("migrations").size()).isEqualTo(10);
			for (Map.Entry<String, String> probe : KubernetesManifestsTests.probePaths().entrySet()) {
				assertThat(awaitOk(http, app, log, port, probe.getValue())).as(probe.getKey()).contains("\"UP\"");
			}
			assertThat(awaitOk(http, app, log, port, "/actuator/health/readiness")).contains("\"migrations\"");
			assertThat(awaitOk(http, app, log, port, "/actuator/prometheus"))
				.contains("ratchet_migrations_applied_total{outcome=\"success\",type=\"SQL\"} 7.0");
			assertThat(SampleJar.read(log)).contains("Starting AOT-processed SampleApplication");
		}
		finally {
			stop(app);
		}
	}

	private static void stop(Process app) throws InterruptedException {
		// SIGTERM first, so that the app stops its embedded PostgreSQL; then whatever is left
		List<ProcessHandle> children = app.descendants().toList();
		app.destroy();
		if (!app.waitFor(30, TimeUnit.SECONDS)) {
			app.destroyForcibly().waitFor();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	@Test
	void validateModeGivenAtRunTimeKeepsThePodOutOfRotation() throws Exception {
		// ratchet.mode is read at run time, not frozen by AOT: the Deployment of the Kubernetes recipe sets it so.
		int port = freePort();
		Path log = ChildLogs.file("SampleAppAot-validate");
		List<String> command = new ArrayList<>(SampleJar.javaJar("-Dspring.aot.enabled=true"));
		command.addAll(List.of("--server.port=" + port, "--ratchet.mode=validate"));
		Process app = SampleJar.start(log, command);
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			JsonNode migrations = json.readTree(awaitOk(http, app, log, port, "/actuator/migrations"));
			assertThat(migrations.get("status").asString()).isEqualTo("PENDING");
			assertThat(migrations.get("pendingCount").asInt()).isEqualTo(10);
			HttpResponse<String> readiness = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("OUT_OF_SERVICE");
		}
		finally {
			stop(app);
		}
	}

	@Test
	void commandsRunUnderAot() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			SampleJar.Run status = command(db, "status");
			assertThat(status.exitCode()).as(status::describe).isEqualTo(1);
			assertThat(status.stdout()).as(status::describe).contains("V1__create_session_table.sql");
			SampleJar.Run migrate = command(db, "migrate");
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			try (Connection connection = db.connect(); Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT count(*) FROM ratchet_history WHERE success")) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(10);
			}
			assertThat(command(db, "validate").exitCode()).isZero();
		}
	}

	private static SampleJar.Run command(TestDatabase.Db db, String name) throws Exception {
		List<String> command = new ArrayList<>(SampleJar.javaJar("-Dspring.aot.enabled=true"));
		command.add("--ratchet.command=" + name);
		command.addAll(SampleJar.datasourceArguments(db));
		return SampleJar.run("SampleAppAot-" + name, command);
	}

	private static String awaitOk(HttpClient http, Process app, Path log, int port, String path) throws Exception {
		long deadline = System.nanoTime() + SampleJar.TIMEOUT.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				fail("the AOT-processed app exited with %d:%n%s", app.exitValue(), SampleJar.read(log));
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return response.body();
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		return fail("GET %s did not answer 200 within %s:%n%s", path, SampleJar.TIMEOUT, SampleJar.read(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
