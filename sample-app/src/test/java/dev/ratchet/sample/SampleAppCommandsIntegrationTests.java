package dev.ratchet.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged sample app as a deploy pipeline does, {@code java -jar app.jar --ratchet.command=…},
 * against a fresh database each time, and checks exit codes and output against the contract.
 */
class SampleAppCommandsIntegrationTests {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/ratchet-sample-app-0.1.0-SNAPSHOT.jar"));

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private static final List<String> SCRIPTS = List.of("V1__create_session_table.sql", "V2__create_chatbots.sql",
			"V3__create_conversations_and_messages.sql", "V4__add_chatbot_versions.sql",
			"V5__index_messages_concurrently.sql", "dev.ratchet.sample.creators.DemoShops",
			"V6__add_chatbot_creators.sql", "dev.ratchet.sample.creators.AssignChatbotCreators",
			"V7__require_chatbot_creators.sql", "R__chatbot_stats_view.sql");

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	@TempDir
	Path temp;

	@BeforeAll
	static void jarIsPackaged() {
		assertThat(JAR).as("the sample app's jar; run these tests with 'mvn verify', after 'package'").isRegularFile();
	}

	@Test
	void statusOfEmptyDatabaseExitsOneAndListsPendingMigrations() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run status = run(db, "--ratchet.command=status");
			assertThat(status.exitCode()).as(status::describe).isEqualTo(1);
			assertThat(status.stdout()).as(status::describe).containsIgnoringCase("pending").contains(SCRIPTS);
		}
	}

	@Test
	void migrateAppliesEverythingThenStatusAndValidateExitZero() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run migrate = run(db, "--ratchet.command=migrate");
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			assertThat(successfulScripts(db)).isEqualTo(SCRIPTS);
			Run status = run(db, "--ratchet.command=status");
			assertThat(status.exitCode()).as(status::describe).isZero();
			Run validate = run(db, "--ratchet.command=validate");
			assertThat(validate.exitCode()).as(validate::describe).isZero();
		}
	}

	@Test
	void jsonOutputIsTheReportAndNothingElse() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run status = run(db, "--ratchet.command=status", "--ratchet.output=json");
			assertThat(status.exitCode()).as(status::describe).isEqualTo(1);
			JsonNode report = parseJson(status);
			assertThat(report.get("status").asString()).isEqualTo("PENDING");
			assertThat(report.get("table").asString()).isEqualTo("ratchet_history");
			assertThat(report.get("pendingCount").asInt()).isEqualTo(10);
			JsonNode migrations = report.get("migrations");
			assertThat(migrations.size()).isEqualTo(10);
			assertThat(migrations.get(0).get("version").asString()).isEqualTo("1");
			assertThat(migrations.get(0).get("script").asString()).isEqualTo("V1__create_session_table.sql");
			assertThat(migrations.get(0).get("state").asString()).isEqualTo("PENDING");
			assertThat(migrations.get(9).get("type").asString()).isEqualTo("REPEATABLE");
		}
	}

	@Test
	void planListsPendingMigrationsInOrderAndAppliesNothing() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run plan = run(db, "--ratchet.command=plan");
			assertThat(plan.exitCode()).as(plan::describe).isZero();
			assertThat(plan.stdout()).as(plan::describe).containsSubsequence(SCRIPTS);
			assertThat(Sql.exists(db, "session")).isFalse();
		}
	}

	@Test
	void failedMigrationExitsTwoAndNamesTheScript() throws Exception {
		Path migrations = shopsThen("V2__add_sessions.sql", "CREATE TABLE session (id text PRIMARY KEY, "
				+ "shop_id bigint REFERENCES shop (id), expires timestamptz, CHECK (shop_id > 0 AND expires > 'never'));");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			assertThat(migrateFails(db, migrations).output()).contains("V2__add_sessions.sql", "22007");
			assertThat(successfulScripts(db)).containsExactly("V1__create_shops.sql");
			assertThat(Sql.exists(db, "session")).isFalse();
		}
	}

	@Test
	void sqliteSyntaxStopsTheRunBeforeAnythingIsApplied() throws Exception {
		Path migrations = shopsThen("V2__add_sessions.sql",
				"CREATE TABLE session (id text PRIMARY KEY, shop_id bigint REFERENCES shop (id), expires DATETIME);");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			assertThat(migrateFails(db, migrations).output()).contains("V2__add_sessions.sql line 1",
					"DATETIME is not a PostgreSQL type", "timestamptz");
			assertThat(Sql.exists(db, "shop")).isFalse();
			assertThat(Sql.exists(db, "session")).isFalse();
		}
	}

	@Test
	void repairLetsAFixedMigrationRunAfterANonTransactionalFailure() throws Exception {
		Path migrations = shopsThen("V2__index_shop_domains.sql", """
				-- ratchet:no-transaction
				ALTER TABLE shop ADD COLUMN plan text;
				CREATE INDEX CONCURRENTLY shop_domain_idx ON shop (domian);
				""");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			migrateFails(db, migrations);
			String location = "--ratchet.locations=filesystem:" + migrations;
			Run status = run(db, "--ratchet.command=status", location);
			assertThat(status.exitCode()).as(status::describe).isEqualTo(2);
			Run repair = run(db, "--ratchet.command=repair", location);
			assertThat(repair.exitCode()).as(repair::describe).isZero();
			Files.writeString(migrations.resolve("V2__index_shop_domains.sql"), """
					-- ratchet:no-transaction
					ALTER TABLE shop ADD COLUMN IF NOT EXISTS plan text;
					CREATE INDEX CONCURRENTLY shop_domain_idx ON shop (domain);
					""");
			Run migrate = run(db, "--ratchet.command=migrate", location);
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			assertThat(successfulScripts(db)).containsExactly("V1__create_shops.sql", "V2__index_shop_domains.sql");
		}
	}

	@Test
	void killedStartUpContinuesTheBackfillAfterItsLastCommittedBatch() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			List<String> slow = new ArrayList<>(db.springDataSourceArguments());
			slow.addAll(List.of("--spring.main.web-application-type=none", "--sample.demo.chatbots=2000",
					"--sample.backfill.batch-size=20", "--sample.backfill.max-items-per-second=400"));
			Process startUp = start(slow);
			try {
				awaitBatches(db, startUp, 5);
			}
			finally {
				startUp.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(Sql.column(db, "SELECT state FROM ratchet_history_data")).containsExactly("RUNNING");
			assertThat(Sql.column(db, "SELECT count(*) FROM ratchet_history WHERE version IN ('6.2', '7')")).containsExactly("0");
			List<String> fast = new ArrayList<>(slow.subList(0, slow.size() - 1));
			Run restart = run(Map.of(), fast);
			assertThat(restart.exitCode()).as(restart::describe).isZero();
			assertThat(restart.output()).contains("Applied dev.ratchet.sample.creators.AssignChatbotCreators");
			// Every chatbot was handled exactly once: none twice, none skipped.
			assertThat(Sql.column(db, "SELECT state || ' ' || processed || ' ' || total FROM ratchet_history_data"))
				.containsExactly("COMPLETED 1800 2000");
			assertThat(Sql.column(db, "SELECT count(*) FROM ratchet_history_data_failures")).containsExactly("200");
			assertThat(Sql.column(db, "SELECT count(*) FROM chatbots WHERE creator_id IS NOT NULL")).containsExactly("1800");
			assertThat(successfulScripts(db)).isEqualTo(SCRIPTS);
		}
	}

	@Test
	void retryFailedAssignsTheOrphansOnceTheirCreatorHasAUser() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			assertThat(run(db, "--ratchet.command=migrate").exitCode()).isZero();
			Run status = run(db, "--ratchet.command=status");
			assertThat(status.stdout()).as(status::describe)
				.contains("6.2 COMPLETED: 90 of 100 processed, 10 failed")
				.containsPattern("failed item 46: creator \\d+ of shop demo-10.myshopify.com has no associated user");
			Sql.execute(db, """
					INSERT INTO creator_users (creator_id, user_email)
					SELECT id, 'owner@' || shop FROM creators WHERE shop IN ('demo-10.myshopify.com', 'demo-20.myshopify.com')
					""");
			Run retry = run(db, "--ratchet.command=retry-failed");
			assertThat(retry.exitCode()).as(retry::describe).isZero();
			assertThat(retry.stdout()).contains("Retried 10 failed items of dev.ratchet.sample.creators.AssignChatbotCreators "
					+ "(version 6.2): 10 now succeed, 0 still fail");
			assertThat(Sql.column(db, "SELECT count(*) FROM chatbots WHERE creator_id IS NULL")).containsExactly("0");
		}
	}

	@Test
	void baselineRecordsAnExistingSchema() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Sql.execute(db, "CREATE TABLE session (id text PRIMARY KEY)");
			Run baseline = run(db, "--ratchet.command=baseline");
			assertThat(baseline.exitCode()).as(baseline::describe).isZero();
			assertThat(Sql.column(db, "SELECT type || ' ' || version FROM ratchet_history")).containsExactly("BASELINE 1");
		}
	}

	@Test
	void unreachableDatabaseExitsThreeWithoutShowingPasswords() throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/shop?password=url-secret-4711";
		Run status = run(Map.of(), List.of("--ratchet.command=status", "--spring.datasource.url=" + url,
				"--spring.datasource.username=app", "--spring.datasource.password=property-secret-0815"));
		assertThat(status.exitCode()).as(status::describe).isEqualTo(3);
		assertThat(status.output()).doesNotContain("url-secret-4711").doesNotContain("property-secret-0815");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"--ratchet.mode=foo | Invalid value 'foo' for ratchet.mode: expected one of migrate, validate.",
			"--ratchet.lock.wait-timeout=abc | Invalid value 'abc' for ratchet.lock.wait-timeout: expected a duration",
			"--ratchet.lint.severity.risk.drop=loud | 'loud' for ratchet.lint.severity.risk.drop: expected one of off, info, warning, error",
			"--ratchet.lint.severity.risk.nosuch=error | There is no lint rule 'risk.nosuch'" })
	void badConfigurationExitsThreeAndSaysWhatIsValid(String setting, String message) throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run status = run(db, "--ratchet.command=status", setting);
			assertThat(status.exitCode()).as(status::describe).isEqualTo(3);
			assertThat(status.stdout()).as(status::describe).contains("Exit code 3").contains(message);
			assertThat(status.output()).doesNotContain("No enum constant");
			Run json = run(db, "--ratchet.command=status", "--ratchet.output=json", setting);
			assertThat(json.exitCode()).as(json::describe).isEqualTo(3);
			assertThat(parseJson(json).get("exitCode").asInt()).isEqualTo(3);
		}
	}

	@Test
	void releaseRollbackPlansUndoesAndMigratesAgain() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			assertThat(run(db, "--ratchet.command=migrate").exitCode()).isZero();
			Run plan = run(db, "--ratchet.command=plan", "--ratchet.undo=true", "--ratchet.target=6.2");
			assertThat(plan.exitCode()).as(plan::describe).isZero();
			assertThat(plan.stdout()).as(plan::describe).contains("U7__require_chatbot_creators.sql");
			Run undo = run(db, "--ratchet.command=undo", "--ratchet.target=6.2");
			assertThat(undo.exitCode()).as(undo::describe).isZero();
			assertThat(undo.stdout()).as(undo::describe).contains("Undid 1 migration").containsPattern("7 +UNDONE");
			Run status = run(db, "--ratchet.command=status");
			assertThat(status.exitCode()).as(status::describe).isEqualTo(1);
			Run below = run(db, "--ratchet.command=undo", "--ratchet.target=5");
			assertThat(below.exitCode()).as(below::describe).isEqualTo(2);
			assertThat(below.stdout()).as(below::describe).contains("AssignChatbotCreators (version 6.2) cannot be undone");
			Run migrate = run(db, "--ratchet.command=migrate");
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			assertThat(migrate.stdout()).as(migrate::describe).contains("V7__require_chatbot_creators.sql");
			assertThat(run(db, "--ratchet.command=status").exitCode()).isZero();
		}
	}

	@Test
	void environmentVariableSelectsTheCommand() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Run migrate = run(Map.of("RATCHET_COMMAND", "migrate"), db.springDataSourceArguments());
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			assertThat(successfulScripts(db)).isEqualTo(SCRIPTS);
		}
	}

	@Test
	void embeddedDatabaseNeedsNoSetup() throws Exception {
		Run migrate = run(Map.of(), List.of("--ratchet.command=migrate"));
		assertThat(migrate.exitCode()).as(migrate::describe).isZero();
		assertThat(migrate.output()).contains("Started embedded PostgreSQL");
	}

	private Run run(TestDatabase.Db db, String... arguments) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(db.springDataSourceArguments());
		all.addAll(List.of(arguments));
		return run(Map.of(), all);
	}

	private Run run(Map<String, String> environment, List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
		command.addAll(arguments);
		Path stdout = ChildLogs.file("SampleAppCommands-stdout");
		Path stderr = ChildLogs.file("SampleAppCommands-stderr");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
		// only what the test passes may configure the app
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("RATCHET_"));
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
			fail("%s did not exit within %s:%n%s", arguments, TIMEOUT, read(stdout) + read(stderr));
		}
		return new Run(String.join(" ", arguments), process.exitValue(), read(stdout), read(stderr));
	}

	private Process start(List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ChildLogs.file("SampleAppCommands-killed").toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("RATCHET_"));
		return builder.start();
	}

	private static void awaitBatches(TestDatabase.Db db, Process process, int batches) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("the start-up is still migrating").isTrue();
			if (!Sql.column(db, "SELECT to_regclass('ratchet_history_data')::text").contains(null)
					&& Long.parseLong(Sql.column(db, "SELECT coalesce(max(batches), 0) FROM ratchet_history_data").get(0)) >= batches) {
				return;
			}
			Thread.sleep(50);
		}
		fail("the backfill did not commit %d batches within %s", batches, TIMEOUT);
	}

	private static JsonNode parseJson(Run run) {
		try {
			return json.readTree(run.stdout());
		}
		catch (JacksonException ex) {
			return fail("Standard output is not one JSON document (%s):%n%s", ex.getOriginalMessage(), run.describe());
		}
	}

	/**
	 * Writes a migrations folder: the shop table, then the given second migration.
	 */
	private Path shopsThen(String name, String sql) {
		return new MigrationFiles(this.temp.resolve("migrations"))
			.write("V1__create_shops.sql", "CREATE TABLE shop (id bigint PRIMARY KEY, domain text NOT NULL);")
			.write(name, sql)
			.directory();
	}

	/**
	 * Runs {@code migrate} on the folder and checks that it exits 2, a failed migration.
	 */
	private Run migrateFails(TestDatabase.Db db, Path migrations) throws IOException, InterruptedException {
		Run migrate = run(db, "--ratchet.command=migrate", "--ratchet.locations=filesystem:" + migrations);
		assertThat(migrate.exitCode()).as(migrate::describe).isEqualTo(2);
		return migrate;
	}

	private static List<String> successfulScripts(TestDatabase.Db db) {
		return Sql.column(db, "SELECT script FROM ratchet_history WHERE success ORDER BY installed_rank");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	/**
	 * One finished run of the jar.
	 */
	private record Run(String arguments, int exitCode, String stdout, String stderr) {

		String output() {
			return this.stdout + this.stderr;
		}

		String describe() {
			return "java -jar … " + this.arguments + " exited " + this.exitCode + "\n--- stdout:\n" + this.stdout
					+ "\n--- stderr:\n" + this.stderr;
		}

	}

}
