package dev.ratchet.boot.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for what the one-shot commands report of the pre-flight checks, run in-process
 * against PostgreSQL: {@code plan}'s rolled-back dry run, lint findings, and drift.
 */
class RatchetPreflightCommandIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__create_session.sql",
			"CREATE TABLE session (id bigint PRIMARY KEY, shop text);");

	@Test
	void planOfMigrationsThatWouldSucceedExitsZeroAndLeavesNoTrace() {
		assertThat(run("migrate").exitCode()).isZero();
		this.db.files().write("V2__create_chatbot.sql", """
				CREATE TABLE chatbot (id bigserial PRIMARY KEY, name text NOT NULL);
				CREATE TYPE chatbot_state AS ENUM ('draft', 'live');
				CREATE FUNCTION chatbot_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM chatbot';
				""")
			.write("V3__seed_chatbot.sql", "INSERT INTO chatbot (name) VALUES ('support');")
			.write("R__chatbot_names.sql", "CREATE OR REPLACE VIEW chatbot_names AS SELECT name FROM chatbot;");
		List<String> catalog = Sql.catalog(this.db);
		List<String> history = history();
		CommandRun run = run("plan");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("migrate would apply 3 migrations, in this order. Dry run, rolled back: "
				+ "3 would succeed.")
			.containsPattern("(?s)2 +WOULD_SUCCEED +\\d+ ms +V2__create_chatbot.sql.*"
					+ "3 +WOULD_SUCCEED +\\d+ ms +V3__seed_chatbot.sql.*- +WOULD_SUCCEED +\\d+ ms +R__chatbot_names.sql")
			.contains("Exit code 0: migrate would succeed");
		assertThat(Sql.catalog(this.db)).isEqualTo(catalog);
		assertThat(history()).isEqualTo(history);
		assertThat(run("migrate").exitCode()).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot")).isOne();
	}

	@Test
	void planOfFailingMigrationExitsTwoWithThePostgresErrorAndLaterOnesNotReached() {
		this.db.files().write("V2__add_embedding.sql", """
				CREATE TABLE embedding (
				    session_id bigint REFERENCES session,
				    vector vector(3)
				);
				""").write("V3__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		CommandRun text = run("plan");
		assertThat(text.exitCode()).isEqualTo(2);
		assertThat(text.out()).contains("Dry run, rolled back: 1 would succeed, 1 would fail, 1 not reached.")
			.containsPattern("2 +WOULD_FAIL +\\d+ ms +V2__add_embedding.sql")
			.contains("V2__add_embedding.sql would fail at line 3: type \"vector\" does not exist (SQLSTATE 42704). ")
			.contains("CREATE EXTENSION IF NOT EXISTS vector")
			.contains("Statement: CREATE TABLE embedding")
			.containsPattern("3 +NOT_REACHED +V3__create_chatbot.sql")
			.contains("Not tried: V2__add_embedding.sql would fail first.")
			.contains("Exit code 2: migrate would fail");
		JsonNode plan = json.readTree(run("plan", "--ratchet.output=json").out()).get("plan");
		assertThat(plan.valueStream().map((planned) -> planned.get("outcome").asString()))
			.containsExactly("WOULD_SUCCEED", "WOULD_FAIL", "NOT_REACHED");
		JsonNode failed = plan.get(1);
		assertThat(failed.get("script").asString()).isEqualTo("V2__add_embedding.sql");
		assertThat(failed.get("version").asString()).isEqualTo("2");
		JsonNode failure = failed.get("failure");
		assertThat(failure.get("line").asInt()).isEqualTo(3);
		assertThat(failure.get("sqlState").asString()).isEqualTo("42704");
		assertThat(failure.get("message").asString()).isEqualTo("type \"vector\" does not exist");
		assertThat(failure.get("statement").asString()).startsWith("CREATE TABLE embedding");
		assertThat(failure.get("hint").asString()).contains("CREATE EXTENSION IF NOT EXISTS vector");
		assertThat(plan.get(0).has("failure")).isFalse();
		assertThat(Sql.exists(this.db, "session")).isFalse();
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void planSaysWhyANonTransactionalMigrationCannotBeDryRun() {
		assertThat(run("migrate").exitCode()).isZero();
		this.db.files().write("V2__index_session_shop.sql", "CREATE INDEX CONCURRENTLY session_shop_idx ON session (shop);")
			.write("V3__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		CommandRun run = run("plan");
		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).containsPattern("2 +CANNOT_DRY_RUN +V2__index_session_shop.sql")
			.contains("Cannot be dry-run: it runs without a transaction, because ")
			.containsPattern("3 +WOULD_SUCCEED +\\d+ ms +V3__create_chatbot.sql")
			.contains("Note: the migrations after one that cannot be dry-run were dry-run without its effects");
		JsonNode planned = json.readTree(run("plan", "--ratchet.output=json").out()).get("plan").get(0);
		assertThat(planned.get("outcome").asString()).isEqualTo("CANNOT_DRY_RUN");
		assertThat(planned.get("reason").asString()).contains("without a transaction");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'session_shop_idx'")).isZero();
	}

	@Test
	void planWithLintErrorExitsTwoAndListsTheFinding() {
		this.db.files().write("V2__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at DATETIME;");
		CommandRun run = run("plan");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).contains("Lint found 1 error in the pending migrations:")
			.contains("ERROR dialect.datetime in V2__add_expiry.sql line 1 column ")
			.contains("'-- ratchet:allow <rule> because <reason>'")
			.contains("ratchet.lint.severity.<rule>");
		JsonNode lint = json.readTree(run("plan", "--ratchet.output=json").out()).get("lint");
		assertThat(lint.get("errorCount").asInt()).isOne();
		assertThat(lint.get("findings").get(0).get("rule").asString()).isEqualTo("dialect.datetime");
	}

	@Test
	void statusShowsLintFindingsOfPendingMigrationsWithRuleSeverityPlaceMessageAndHint() {
		assertThat(run("migrate").exitCode()).isZero();
		this.db.files().write("V2__index_session_shop.sql", "\nCREATE INDEX session_shop_idx ON session (shop);");
		CommandRun text = run("status");
		assertThat(text.exitCode()).isEqualTo(1);
		assertThat(text.out()).contains("Lint found 2 warnings in the pending migrations:")
			.contains("WARNING risk.index-not-concurrent in V2__index_session_shop.sql line 2 column 1")
			.contains("WARNING risk.lock-timeout in V2__index_session_shop.sql line 2 column 1")
			.doesNotContain("Errors stop migrate");
		JsonNode finding = json.readTree(run("status", "--ratchet.output=json").out())
			.get("lint")
			.get("findings")
			.get(0);
		assertThat(finding.get("rule").asString()).isEqualTo("risk.index-not-concurrent");
		assertThat(finding.get("severity").asString()).isEqualTo("WARNING");
		assertThat(finding.get("script").asString()).isEqualTo("V2__index_session_shop.sql");
		assertThat(finding.get("line").asInt()).isEqualTo(2);
		assertThat(finding.get("column").asInt()).isEqualTo(1);
		assertThat(finding.get("message").asString()).isNotBlank();
		assertThat(finding.get("hint").asString()).contains("CONCURRENTLY");
	}

	@Test
	void statusOfDriftedSchemaExitsTwoAndNamesEachDifference() {
		assertThat(run("migrate").exitCode()).isZero();
		CommandRun clean = run("status");
		assertThat(clean.exitCode()).isZero();
		assertThat(clean.out()).contains("Drift: none, the schema matches Ratchet's snapshot of ");
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text NOT NULL DEFAULT 'web'");
		CommandRun text = run("status");
		assertThat(text.exitCode()).isEqualTo(2);
		assertThat(text.out()).contains("status UP_TO_DATE")
			.contains("Drift: the schema differs from Ratchet's snapshot of ")
			.contains("in 1 place, changed outside Ratchet's migrations:")
			.contains("  column session.source added: text NOT NULL DEFAULT 'web'::text")
			.contains("--ratchet.command=repair")
			.contains("Exit code 2: the migrations are invalid or one failed, or the schema drifted");
		JsonNode drift = json.readTree(run("status", "--ratchet.output=json").out()).get("drift");
		assertThat(drift.get("drifted").asBoolean()).isTrue();
		assertThat(drift.get("snapshotTakenOn").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		JsonNode difference = drift.get("differences").get(0);
		assertThat(difference.get("kind").asString()).isEqualTo("COLUMN");
		assertThat(difference.get("name").asString()).isEqualTo("session.source");
		assertThat(difference.get("change").asString()).isEqualTo("ADDED");
		assertThat(difference.get("after").asString()).startsWith("text NOT NULL");
	}

	@Test
	void statusBeforeTheFirstRunSaysDriftWasNotChecked() {
		CommandRun run = run("status");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("Drift: not checked, Ratchet has no snapshot of the schema yet");
		JsonNode drift = json.readTree(run("status", "--ratchet.output=json").out()).get("drift");
		assertThat(drift.get("drifted").asBoolean()).isFalse();
		// Null fields are left out, as the endpoint leaves them out.
		assertThat(drift.has("snapshotTakenOn")).isFalse();
		assertThat(drift.get("differences").isEmpty()).isTrue();
	}

	@Test
	void repairReportsTheDriftItAccepted() {
		assertThat(run("migrate").exitCode()).isZero();
		Sql.execute(this.db, "CREATE INDEX session_shop_idx ON session (shop)");
		CommandRun repair = run("repair");
		assertThat(repair.exitCode()).isZero();
		assertThat(repair.out()).contains("Accepted drift as the new snapshot: index session_shop_idx added: ");
		JsonNode accepted = json.readTree(run("repair", "--ratchet.output=json").out()).get("repair").get("acceptedDrift");
		assertThat(accepted.isEmpty()).isTrue();
		assertThat(run("status").exitCode()).isZero();
	}

	@Test
	void migrateStoppedByLintExitsTwoAndAppliesNothing() {
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (id INTEGER PRIMARY KEY AUTOINCREMENT);");
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).contains("Ratchet migrate failed: lint found 1 error in the pending migrations (below); "
				+ "nothing was applied")
			.contains("ERROR dialect.autoincrement in V2__create_chatbot.sql line 1 column ")
			.contains("Exit code 2");
		JsonNode report = json.readTree(run("migrate", "--ratchet.output=json").out());
		assertThat(report.get("error").get("type").asString()).isEqualTo("LintException");
		assertThat(report.get("error").get("script").asString()).isEqualTo("V2__create_chatbot.sql");
		assertThat(report.get("lint").get("errorCount").asInt()).isOne();
		assertThat(Sql.exists(this.db, "session")).isFalse();
	}

	@Test
	void migrateReportsTheLintWarningsOfWhatItApplied() {
		assertThat(run("migrate").exitCode()).isZero();
		this.db.files().write("V2__index_session_shop.sql", "CREATE INDEX session_shop_idx ON session (shop);");
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Lint found 2 warnings in the migrations it applied:")
			.contains("WARNING risk.index-not-concurrent in V2__index_session_shop.sql line 1 column 1")
			.contains("WARNING risk.lock-timeout in V2__index_session_shop.sql line 1 column 1");
	}

	@Test
	void migrateReportsDriftFoundWhenTheRunStarted() {
		assertThat(run("migrate").exitCode()).isZero();
		Sql.execute(this.db, "ALTER TABLE session ALTER COLUMN shop SET DEFAULT 'none'");
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Drift: when the run started, the schema differed from Ratchet's snapshot of ")
			.contains("column session.shop changed from text to text DEFAULT 'none'::text");
	}

	@Test
	void migrateFailureCarriesTheHintOfTheError() {
		this.db.files().write("V2__add_embedding.sql", "ALTER TABLE session ADD COLUMN embedding vector(3);");
		JsonNode error = json.readTree(run("migrate", "--ratchet.output=json").out()).get("error");
		assertThat(error.get("type").asString()).isEqualTo("MigrationFailedException");
		assertThat(error.get("hint").asString()).contains("CREATE EXTENSION IF NOT EXISTS vector");
	}

	@Test
	void lintSeverityPropertyChangesTheOutcome() {
		assertThat(run("migrate").exitCode()).isZero();
		this.db.files().write("V2__index_session_shop.sql", "CREATE INDEX session_shop_idx ON session (shop);");
		String asError = "--ratchet.lint.severity.risk.index-not-concurrent=error";
		CommandRun plan = run("plan", asError);
		assertThat(plan.exitCode()).isEqualTo(2);
		assertThat(plan.out()).contains("ERROR risk.index-not-concurrent");
		assertThat(run("migrate", asError).exitCode()).isEqualTo(2);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'session_shop_idx'")).isZero();
		CommandRun off = run("status", "--ratchet.lint.severity.risk.index-not-concurrent=off");
		assertThat(off.out()).doesNotContain("risk.index-not-concurrent");
		assertThat(run("migrate").exitCode()).isZero();
	}

	private List<String> history() {
		return Sql.exists(this.db, "ratchet_history")
				? Sql.column(this.db, "SELECT installed_rank || ' ' || script || ' ' || success FROM ratchet_history "
						+ "ORDER BY installed_rank")
				: List.of();
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(RatchetCommandIntegrationTests.CommandApplication.class, this.db, command, args);
	}

}
