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
import dev.ratchet.MigrationType;
import dev.ratchet.SchemaStatus;
import dev.ratchet.boot.report.MigrationInfoDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonReportWriter}.
 */
class JsonReportWriterTests {

	private final JsonReportWriter writer = new JsonReportWriter();

	@Test
	void writesTheSchemaAtTopLevelAndLeavesOutWhatDoesNotApply() {
		JsonNode json = write(new CommandReport("status", 0, schema(), List.of(), null, null, null, null, null, null));
		assertThat(json.propertyNames()).containsExactly("command", "exitCode", "status", "schema", "table",
				"currentVersion", "pendingCount", "migrations", "problems");
		assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
	}

	@Test
	void writesTimesAsIso8601AndVersionsAsStrings() {
		JsonNode migration = write(new CommandReport("status", 0, schema(), List.of(), null, null, null, null, null, null))
			.get("migrations")
			.get(0);
		assertThat(migration.get("installedOn").asString()).isEqualTo("2026-11-21T09:00:00Z");
		assertThat(migration.get("version").isString()).isTrue();
		assertThat(migration.get("executionTimeMs").asInt()).isEqualTo(12);
	}

	@Test
	void writesTheErrorWithoutTheSchemaWhenItCouldNotBeRead() {
		JsonNode json = write(new CommandReport("status", 3, null, null, null, null, null, null, null,
				new CommandReport.Error("DatabaseConnectionException", "refused", null, null, "08001")));
		assertThat(json.propertyNames()).containsExactly("command", "exitCode", "error");
		assertThat(json.get("error").propertyNames()).containsExactly("type", "message", "sqlState");
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
