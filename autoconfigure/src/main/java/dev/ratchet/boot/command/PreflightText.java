package dev.ratchet.boot.command;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.LintDescriptor;

/**
 * The text of what the pre-flight checks found: lint findings, and drift from Ratchet's snapshot.
 */
final class PreflightText {

	private PreflightText() {
	}

	static String lint(CommandReport report) {
		LintDescriptor lint = report.lint();
		String where = "migrate".equals(report.command()) && report.error() == null ? "in the migrations it applied"
				: "in the pending migrations";
		StringBuilder text = new StringBuilder("Lint found ").append(findings(lint)).append(' ').append(where)
			.append(':');
		for (LintDescriptor.FindingDescriptor finding : lint.findings()) {
			text.append(String.format("\n  %s %s in %s line %d column %d\n    %s\n    %s", finding.severity(),
					finding.rule(), finding.script(), finding.line(), finding.column(), finding.message(),
					finding.hint()));
		}
		if (lint.errorCount() > 0) {
			text.append("\n\nErrors stop migrate before anything of the run is applied. Fix the SQL as the hints say, "
					+ "or, to keep a statement as it is, put '-- ratchet:allow <rule> because <reason>' on the line "
					+ "before it, or set ratchet.lint.severity.<rule>=warning.");
		}
		return text.toString();
	}

	private static String findings(LintDescriptor lint) {
		List<String> parts = new ArrayList<>();
		if (lint.errorCount() > 0) {
			parts.add(lint.errorCount() + ((lint.errorCount() == 1) ? " error" : " errors"));
		}
		if (lint.warningCount() > 0) {
			parts.add(lint.warningCount() + ((lint.warningCount() == 1) ? " warning" : " warnings"));
		}
		return String.join(" and ", parts);
	}

	static String drift(DriftDescriptor drift, String command) {
		if (drift.snapshotTakenOn() == null) {
			return "Drift: not checked, Ratchet has no snapshot of the schema yet (migrate records one).";
		}
		String snapshot = "Ratchet's snapshot of " + drift.snapshotTakenOn().truncatedTo(ChronoUnit.SECONDS);
		if (!drift.drifted()) {
			return "Drift: none, the schema matches " + snapshot + ".";
		}
		int count = drift.differences().size();
		StringBuilder text = new StringBuilder("Drift: ")
			.append("migrate".equals(command) ? "when the run started, the schema differed from " : "the schema differs from ")
			.append(snapshot)
			.append(" in ")
			.append(count)
			.append((count == 1) ? " place" : " places")
			.append(", changed outside Ratchet's migrations:");
		drift.differences().forEach((difference) -> text.append("\n  ").append(difference));
		return text.append("\n\nUndo the changes, or make them part of a migration; once the database is as it should ")
			.append("be, accept it as the new snapshot with --ratchet.command=repair.")
			.toString();
	}

}
