package dev.ratchet.boot.command;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ratchet.LintException;
import dev.ratchet.SchemaStatus;
import dev.ratchet.ValidationException;
import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.boot.report.MigrationInfoDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;

/**
 * Prints a {@link CommandReport} for people: where the schema stands, what the command did or why
 * it failed, a table of migrations (or the plan), lint findings, drift, the problems, and what the
 * exit code means.
 */
final class TextReportWriter implements ReportWriter {

	@Override
	public void write(CommandReport report, PrintStream out) {
		List<String> sections = new ArrayList<>();
		MigrationsDescriptor schema = report.schema();
		if (schema != null) {
			sections.add(String.format("Ratchet %s: schema \"%s\", history table %s, version %s, %d pending, status %s",
					report.command(), schema.schema(), schema.table(), Objects.toString(schema.currentVersion(), "none"),
					schema.pendingCount(), schema.status()));
		}
		if (report.lock() != null && report.lock().held()) {
			sections.add("The migration lock is held by " + report.lock().holder()
					+ ((schema != null && schema.status() == SchemaStatus.RUNNING)
							? ": a migration run is in progress" : ": another instance is at work on the schema"));
		}
		if (report.error() != null) {
			sections.add("Ratchet " + report.command() + " failed: " + failure(report));
		}
		if (report.applied() != null) {
			StringBuilder applied = new StringBuilder(("undo".equals(report.command()) ? "Undid " : "Applied ")
					+ count(report.applied().size()));
			report.applied()
				.forEach((migration) -> applied.append(String.format("%n  %s (%d ms)", migration.script(),
						migration.executionTimeMs())));
			sections.add(applied.toString());
		}
		if (report.plan() != null) {
			sections.add(PlanText.of(report.plan()));
		}
		else if (schema != null) {
			sections.add(table(schema.migrations()));
		}
		if (report.lint() != null && !report.lint().findings().isEmpty()) {
			sections.add(PreflightText.lint(report));
		}
		if (report.drift() != null && (report.drift().drifted() || "status".equals(report.command()))) {
			sections.add(PreflightText.drift(report.drift(), report.command()));
		}
		if (schema != null && !schema.dataMigrations().isEmpty()) {
			sections.add(dataMigrations(schema.dataMigrations()));
		}
		if (report.retried() != null) {
			sections.add(retried(report.retried()));
		}
		if (report.repair() != null) {
			sections.add(repair(report.repair()));
		}
		if (report.adoption() != null) {
			sections.add(adoption(report.adoption()));
		}
		if (report.baseline() != null) {
			sections.add((report.baseline().created() ? "Recorded a baseline" : "A baseline was already recorded")
					+ " at version " + report.baseline().version());
		}
		if (report.problems() != null && !report.problems().isEmpty()) {
			sections.add("Problems:\n  - " + String.join("\n  - ", report.problems()));
		}
		if (report.tenants() != null) {
			sections.add(TenantsText.of(report.tenants()));
		}
		sections.add("Exit code " + report.exitCode() + ": " + meaning(report.command(), report.exitCode()));
		out.println(String.join("\n\n", sections).replace("\n", System.lineSeparator()));
	}

	private static String failure(CommandReport report) {
		String type = report.error().type();
		if (ValidationException.class.getSimpleName().equals(type)) {
			return "the applied migrations are invalid (problems below); nothing was applied";
		}
		if (LintException.class.getSimpleName().equals(type) && report.lint() != null) {
			int errors = report.lint().errorCount();
			return "lint found " + errors + ((errors == 1) ? " error" : " errors")
					+ " in the pending migrations (below); nothing was applied";
		}
		return report.error().message();
	}

	static String count(int migrations) {
		return migrations + ((migrations == 1) ? " migration" : " migrations");
	}

	private static String table(List<MigrationInfoDescriptor> migrations) {
		if (migrations.isEmpty()) {
			return "  (no migrations)";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "VERSION", "STATE", "TYPE", "INSTALLED ON", "SCRIPT" });
		for (MigrationInfoDescriptor migration : migrations) {
			String installedOn = (migration.installedOn() != null)
					? migration.installedOn().truncatedTo(ChronoUnit.SECONDS).toString() : "";
			rows.add(new String[] { Objects.toString(migration.version(), "-"), migration.state().name(),
					migration.type().name(), installedOn, migration.script() });
		}
		return columns(rows);
	}

	static String columns(List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int column = 0; column < row.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder(" ");
			for (int column = 0; column < row.length; column++) {
				line.append(' ').append(String.format("%-" + widths[column] + "s", row[column]));
			}
			lines.add(line.toString().stripTrailing());
		}
		return String.join("\n", lines);
	}

	private static String repair(CommandReport.Repair repair) {
		List<String> lines = new ArrayList<>();
		repair.removedFailures().forEach((script) -> lines.add("Removed the failed entry of " + script));
		repair.realignedChecksums()
			.forEach((script) -> lines.add("Realigned the checksum of " + script + " with its current file"));
		repair.acceptedDrift()
			.forEach((difference) -> lines.add("Accepted drift as the new snapshot: " + difference));
		repair.completedCancelled()
			.forEach((script) -> lines.add("Recorded the cancelled data migration " + script + " as completed"));
		lines.addAll(repair.leftCancelled());
		return lines.isEmpty() ? "Nothing to repair" : String.join("\n", lines);
	}

	private static String dataMigrations(List<DataMigrationDescriptor> migrations) {
		List<String> lines = new ArrayList<>();
		lines.add("Data migrations:");
		for (DataMigrationDescriptor migration : migrations) {
			StringBuilder line = new StringBuilder("  ").append(migration.version())
				.append(' ')
				.append(migration.state())
				.append(migration.background() ? " (background)" : "")
				.append(": ")
				.append(migration.processed())
				.append((migration.total() != null) ? " of " + migration.total() : "")
				.append(" processed, ")
				.append(migration.failed())
				.append(" failed");
			if (migration.itemsPerSecond() > 0) {
				line.append(", ").append(Math.round(migration.itemsPerSecond())).append(" items/s");
			}
			if (migration.etaSeconds() != null && migration.state() != DataMigrationState.COMPLETED) {
				line.append(", about ").append(migration.etaSeconds()).append(" s left");
			}
			line.append(" - ").append(migration.script());
			lines.add(line.toString());
			if (!migration.waiting().isEmpty()) {
				lines.add("    waiting for it: " + String.join(", ", migration.waiting()));
			}
			if (migration.failure() != null) {
				lines.add("    last run failed: " + migration.failure());
			}
			if (migration.changedOn() != null) {
				lines.add("    state last changed on " + migration.changedOn()
						+ ((migration.changedBy() != null) ? " by " + migration.changedBy() : ""));
			}
			for (DataMigrationDescriptor.FailedItemDescriptor item : migration.failedItems()) {
				lines.add("    failed item " + item.key() + ": " + item.error());
			}
			if (migration.failed() > migration.failedItems().size()) {
				lines.add("    … and " + (migration.failed() - migration.failedItems().size()) + " more failed items");
			}
		}
		return String.join("\n", lines);
	}

	private static String retried(List<CommandReport.Retried> retried) {
		if (retried.isEmpty()) {
			return "No failed items to retry";
		}
		List<String> lines = new ArrayList<>();
		for (CommandReport.Retried migration : retried) {
			lines.add("Retried " + migration.attempted() + " failed items of " + migration.script() + " (version "
					+ migration.version() + "): " + migration.succeeded() + " now succeed, " + migration.stillFailing()
					+ " still fail (kept in the ledger)"
					+ ((migration.notFound() > 0) ? ", " + migration.notFound() + " no longer exist" : ""));
		}
		return String.join("\n", lines);
	}

	private static String adoption(CommandReport.Adoption adoption) {
		List<String> lines = new ArrayList<>();
		if (adoption.table() != null) {
			lines.add("Adopted " + adoption.adopted() + ((adoption.adopted() == 1) ? " row" : " rows") + " of "
					+ adoption.tool() + "'s history from " + adoption.table() + " (left as it was)");
		}
		adoption.notes().forEach(lines::add);
		adoption.changed()
			.forEach((script) -> lines.add(script + " no longer matches the checksum " + adoption.tool()
					+ " recorded: CHANGED until the edit is reverted or repair accepts it"));
		adoption.failed()
			.forEach((script) -> lines.add(script + " failed under " + adoption.tool()
					+ ": complete or undo it by hand, then run repair"));
		return String.join("\n", lines);
	}

	static String meaning(String command, int exitCode) {
		return switch (exitCode) {
			case CommandExecutor.SUCCESS -> switch (command) {
				case "plan" -> "migrate would succeed";
				case "plan-undo" -> "the undo would succeed";
				default -> "success";
			};
			case CommandExecutor.PENDING -> "migrations are pending";
			case CommandExecutor.INVALID -> switch (command) {
				case "plan" -> "migrate would fail";
				case "plan-undo" -> "the undo would fail, or is refused (problems above)";
				case "undo" -> "the undo is refused, nothing was undone (problems above), or an undo script failed";
				case "status" -> "the migrations are invalid or one failed, or the schema drifted";
				case "migrate" -> "a migration failed, lint found errors, or the applied migrations are invalid";
				case "adopt" -> "adopted, but a migration is changed or failed: see above, then repair";
				default -> "the migrations are invalid or one failed";
			};
			default -> "adopt".equals(command) ? "nothing to adopt, or Ratchet could not run"
					: "Ratchet could not run (no connection, lock wait timed out, or bad configuration)";
		};
	}

}
