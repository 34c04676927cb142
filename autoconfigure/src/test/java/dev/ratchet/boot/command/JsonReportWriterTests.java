package dev.ratchet.boot.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.MigrationState;
import dev.ratchet.PlanOutcome;
import dev.ratchet.MigrationType;
import dev.ratchet.SchemaStatus;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.LintDescriptor;
import dev.ratchet.boot.report.MigrationInfoDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.drift.SchemaDifference.Change;
import dev.ratchet.drift.SchemaObjectKind;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintSeverity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonReportWriter}.
 */
class JsonReportWriterTests {

	private final JsonReportWriter writer = new JsonReportWriter();

	@Test
	void writesTheSchemaAtTopLevelAndLeavesOutWhatDoesNotApply() {
		JsonNode json = write(new CommandReport("status", 0, schema(), List.of(), null, null, null, null, null, null, null));
		assertThat(json.propertyNames()).containsExactly("command", "exitCode", "status", "schema", "table",
				"currentVersion", "pendingCount", "migrations", "problems");
		assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
	}

	@Test
	void writesTimesAsIso8601AndVersionsAsStrings() {
		JsonNode migration = write(
				new CommandReport("status", 0, schema(), List.of(), null, null, null, null, null, null, null))
			.get("migrations")
			.get(0);
		assertThat(migration.get("installedOn").asString()).isEqualTo("2026-11-21T09:00:00Z");
		assertThat(migration.get("version").isString()).isTrue();
		assertThat(migration.get("executionTimeMs").asInt()).isEqualTo(12);
	}

	@Test
	void writesTheErrorWithoutTheSchemaWhenItCouldNotBeRead() {
		JsonNode json = write(new CommandReport("status", 3, null, null, null, null, null, null, null, null,
				new CommandReport.Error("DatabaseConnectionException", "refused", null, null, "08001", null)));
		assertThat(json.propertyNames()).containsExactly("command", "exitCode", "error");
		assertThat(json.get("error").propertyNames()).containsExactly("type", "message", "sqlState");
	}

	@Test
	void writesLintDriftAndPlanBesideTheSchemaAndLeavesOutWhatDidNotHappen() {
		LintDescriptor lint = LintDescriptor.of(new LintReport(List.of(new LintFinding("dialect.datetime",
				LintSeverity.ERROR, "V2__add_expiry.sql", 1, 43, "DATETIME is not a PostgreSQL type.",
				"Use timestamptz."))));
		DriftDescriptor drift = DriftDescriptor.of(new DriftReport(Instant.parse("2026-11-21T09:00:00Z"),
				List.of(new SchemaDifference(SchemaObjectKind.COLUMN, "session.source", Change.ADDED, null, "text"))));
		List<CommandReport.Planned> plan = List.of(
				new CommandReport.Planned("2", "add expiry", MigrationType.SQL, "V2__add_expiry.sql",
						PlanOutcome.WOULD_FAIL, 3, "V2__add_expiry.sql would fail at line 1",
						new CommandReport.Failure(1, "42704", "type \"datetime\" does not exist", "ALTER TABLE", null)),
				new CommandReport.Planned(null, "views", MigrationType.REPEATABLE, "R__views.sql", PlanOutcome.NOT_REACHED,
						0, "Not tried", null));
		JsonNode json = write(new CommandReport("plan", 2, schema(), List.of(), lint, drift, null, plan, null, null, null));
		assertThat(json.propertyNames()).containsExactly("command", "exitCode", "status", "schema", "table",
				"currentVersion", "pendingCount", "migrations", "problems", "lint", "drift", "plan");
		assertThat(json.get("lint").propertyNames()).containsExactly("errorCount", "warningCount", "findings");
		assertThat(json.get("lint").get("findings").get(0).propertyNames()).containsExactly("rule", "severity", "script",
				"line", "column", "message", "hint");
		assertThat(json.get("lint").get("findings").get(0).get("severity").asString()).isEqualTo("ERROR");
		assertThat(json.get("drift").get("snapshotTakenOn").asString()).isEqualTo("2026-11-21T09:00:00Z");
		assertThat(json.get("drift").get("differences").get(0).get("kind").asString()).isEqualTo("COLUMN");
		JsonNode failed = json.get("plan").get(0);
		assertThat(failed.get("outcome").asString()).isEqualTo("WOULD_FAIL");
		assertThat(failed.get("failure").propertyNames()).containsExactly("line", "sqlState", "message", "statement");
		assertThat(json.get("plan").get(1).propertyNames()).containsExactly("description", "type", "script", "outcome",
				"executionTimeMs", "reason");
	}

	private JsonNode write(CommandReport report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.writer.write(report, new PrintStream(out, true, StandardCharsets.UTF_8));
		return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
	}

	private static MigrationsDescriptor schema() {
		return new MigrationsDescriptor(SchemaStatus.UP_TO_DATE, "public", "ratchet_history", "1", 0,
				List.of(new MigrationInfoDescriptor("1", "create session", MigrationType.SQL, "V1__create_session.sql",
						"abc", MigrationState.APPLIED, "app", Instant.parse("2026-11-21T09:00:00Z"), 12)));
	}

}
