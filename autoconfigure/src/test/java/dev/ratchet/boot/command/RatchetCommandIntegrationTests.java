package dev.ratchet.boot.command;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestCredentials;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the one-shot commands, run in-process against PostgreSQL: the report on
 * standard output, logs on standard error, and the exit code.
 */
class RatchetCommandIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh();

	@Test
	void statusWithPendingMigrationsExitsOneAndAppliesNothing() {
		CommandRun run = run("status");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("Ratchet status: schema \"public\", history table ratchet_history, version none, "
				+ "2 pending, status PENDING")
			.containsPattern("1 +PENDING +SQL +V1__create_session_table.sql")
			.contains("Exit code 1: migrations are pending");
		assertThat(Sql.exists(this.db, "session")).isFalse();
		assertThat(run.webApplicationType()).isEqualTo(WebApplicationType.NONE);
	}

	@Test
	void statusOfUpToDateSchemaExitsZero() {
		assertThat(run("migrate").exitCode()).isZero();
		CommandRun run = run("status");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("version 2, 0 pending, status UP_TO_DATE").containsPattern("2 +APPLIED +SQL");
	}

	@Test
	void statusOfChangedMigrationExitsTwoAndListsTheProblem() {
		run("migrate");
		this.db.files().write(ChatbotDatabase.SESSION, "CREATE TABLE session (id bigint PRIMARY KEY, user_id bigint);");
		CommandRun run = run("status");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).containsPattern("1 +CHANGED")
			.contains("Problems:")
			.contains("V1__create_session_table.sql (version 1)");
	}

	@Test
	void validateExitsZeroWithPendingWorkAndTwoWhenInvalid() {
		assertThat(run("validate").exitCode()).isZero();
		run("migrate");
		this.db.files().delete("V1__create_session_table.sql");
		CommandRun run = run("validate");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).contains("Ratchet validate failed").containsPattern("1 +MISSING");
	}

	@Test
	void migrateAppliesPendingMigrationsAndExitsZero() {
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Applied 2 migrations")
			.contains("  V1__create_session_table.sql (")
			.contains("Exit code 0");
		assertThat(run.err()).contains("Applied 2 migrations to schema \"public\", now at version 2");
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
	}

	@Test
	void migrateWithFailingMigrationExitsTwoAndNamesIt() {
		this.db.files().write("V3__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at timestmp;");
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).contains("Ratchet migrate failed: Migration V3__add_expiry.sql failed at line 1")
			.contains("version 2, 1 pending");
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
	}

	@Test
	void planListsPendingMigrationsInOrderAndAppliesNothing() {
		this.db.files().write("R__session_view.sql", "CREATE OR REPLACE VIEW active_session AS SELECT * FROM session;");
		CommandRun run = run("plan");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).containsPattern("(?s)migrate would apply 3 migrations, in this order.*"
				+ "V1__create_session_table.sql.*V2__create_chatbot.sql.*R__session_view.sql")
			.doesNotContain("not implemented")
			.contains("Exit code 0: migrate would succeed");
		assertThat(Sql.exists(this.db, "session")).isFalse();
	}

	@Test
	void repairRemovesTheFailedEntryOfANonTransactionalMigration() {
		this.db.files().write("V3__add_index.sql", """
				-- ratchet:no-transaction
				CREATE INDEX CONCURRENTLY session_missing ON session (missing);
				""");
		assertThat(run("migrate").exitCode()).isEqualTo(2);
		CommandRun run = run("repair");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Removed the failed entry of V3__add_index.sql");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE NOT success")).isZero();
	}

	@Test
	void baselineRecordsTheBaselineVersion() {
		CommandRun run = run("baseline", "--ratchet.baseline-version=1");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Recorded a baseline at version 1").containsPattern("2 +PENDING");
		assertThat(Sql.column(this.db, "SELECT type FROM ratchet_history")).containsExactly("BASELINE");
	}

	@Test
	void jsonReportIsTheOnlyThingOnStandardOutput() {
		run("migrate");
		this.db.files().write("V3__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at timestamptz;");
		CommandRun run = run("status", "--ratchet.output=json");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonNode report = json.readTree(run.out());
		assertThat(report.get("command").asString()).isEqualTo("status");
		assertThat(report.get("exitCode").asInt()).isEqualTo(1);
		assertThat(report.get("status").asString()).isEqualTo("PENDING");
		assertThat(report.get("schema").asString()).isEqualTo("public");
		assertThat(report.get("table").asString()).isEqualTo("ratchet_history");
		assertThat(report.get("currentVersion").asString()).isEqualTo("2");
		assertThat(report.get("pendingCount").asInt()).isEqualTo(1);
		assertThat(report.get("problems").isEmpty()).isTrue();
		assertThat(report.has("error")).isFalse();
		JsonNode first = report.get("migrations").get(0);
		ChatbotDatabase.assertSessionMigrationApplied(first, this.db.username());
		assertThat(first.get("installedOn").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(first.get("executionTimeMs").isInt()).isTrue();
		assertThat(report.get("migrations").get(2).get("state").asString()).isEqualTo("PENDING");
		assertThat(run.err()).contains("Starting");
	}

	@Test
	void jsonReportOfFailureCarriesTheError() {
		this.db.files().write("V3__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at timestmp;");
		CommandRun run = run("migrate", "--ratchet.output=json");
		assertThat(run.exitCode()).isEqualTo(2);
		JsonNode error = json.readTree(run.out()).get("error");
		assertThat(error.get("type").asString()).isEqualTo("MigrationFailedException");
		assertThat(error.get("script").asString()).isEqualTo("V3__add_expiry.sql");
		assertThat(error.get("line").asInt()).isEqualTo(1);
		assertThat(error.get("sqlState").asString()).isEqualTo("42704");
	}

	@Test
	void commandAndOutputComeFromEnvironmentVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("RATCHET_COMMAND", "status", "RATCHET_OUTPUT", "json")));
		CommandRun run = CommandRun.of(CommandApplication.class, environment, connection(List.of()));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(json.readTree(run.out()).get("command").asString()).isEqualTo("status");
	}

	@Test
	void unreachableDatabaseExitsThreeWithoutShowingThePassword() {
		CommandRun run = CommandRun.of(RatchetUrlApplication.class, "--ratchet.command=status",
				"--ratchet.locations=" + this.db.files().location(), "--ratchet.url=jdbc:postgresql://127.0.0.1:1/orders",
				"--ratchet.username=app", "--ratchet.password=" + TestCredentials.PASSWORD);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.out()).as(run.err()).contains("Ratchet status failed: Ratchet could not connect to the database")
			.contains("Exit code 3: Ratchet could not run");
		assertThat(run.out() + run.err()).doesNotContain(TestCredentials.PASSWORD);
	}

	@Test
	void unreachableApplicationDataSourceExitsThree() {
		CommandRun run = CommandRun.of(CommandApplication.class, "--ratchet.command=migrate",
				"--ratchet.locations=" + this.db.files().location(),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/orders", "--spring.datasource.password=" + TestCredentials.PASSWORD);
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.out() + run.err()).doesNotContain(TestCredentials.PASSWORD);
	}

	@Test
	void unknownCommandExitsThree() {
		CommandRun run = run("destroy");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.failure()).isNotNull();
		assertThat(run.err()).contains("ratchet.command").contains("destroy");
		assertThat(run.out()).contains("Ratchet destroy failed: the application failed to start")
			.contains("Exit code 3");
	}

	@Test
	void commandWithRatchetDisabledExitsThree() {
		CommandRun run = run("status", "--ratchet.enabled=false");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.out()).contains("Ratchet status failed: Ratchet is not active: ratchet.enabled is false");
		assertThat(run.err()).contains("Ratchet could not run command 'status'. Ratchet is not active");
	}

	@Test
	void startupFailureStillPrintsAJsonDocument() {
		CommandRun run = run("status", "--ratchet.output=json", "--ratchet.lock.wait-timeout=soon");
		assertThat(run.exitCode()).isEqualTo(3);
		JsonNode report = json.readTree(run.out());
		assertThat(report.get("exitCode").asInt()).isEqualTo(3);
		assertThat(report.get("error").get("type").asString()).isEqualTo("CommandStartupException");
		assertThat(report.get("error").get("message").asString()).contains("soon");
		assertThat(run.err()).contains("APPLICATION FAILED TO START").contains("ratchet.lock.wait-timeout");
	}

	@Test
	void applicationWithoutCommandStartsNormallyAndMigrates() {
		CommandRun run = CommandRun.of(StartupApplication.class,
				connection(List.of("--spring.main.web-application-type=none")));
		assertThat(run.failure()).isNull();
		assertThat(run.exitCode()).isEqualTo(-1);
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(CommandApplication.class, this.db, command, args);
	}

	private String[] connection(List<String> args, String... more) {
		List<String> all = this.db.applicationArguments();
		all.addAll(List.of(more));
		all.addAll(args);
		return all.toArray(String[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	static class CommandApplication {

		@Bean
		Object applicationBean() {
			throw new IllegalStateException("A command must not create the application's beans");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(RatchetAutoConfiguration.class)
	static class RatchetUrlApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	static class StartupApplication {

	}

}
