package dev.ratchet.boot.diagnostics;

import java.util.List;

import dev.ratchet.LintException;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;

import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that lint stopped: every error with its place, message and the PostgreSQL
 * way to write it, and the three ways out.
 */
final class LintAnalysis {

	private LintAnalysis() {
	}

	static FailureAnalysis of(LintException ex) {
		LintReport report = ex.getReport();
		List<LintFinding> errors = report.errors();
		int warnings = report.warnings().size();
		StringBuilder description = new StringBuilder("Lint found ").append(errors.size())
			.append((errors.size() == 1) ? " error" : " errors")
			.append(" in the pending migrations");
		if (warnings > 0) {
			description.append(" (and ").append(warnings).append((warnings == 1) ? " warning" : " warnings").append(')');
		}
		description.append(", so Ratchet applied nothing:\n");
		for (LintFinding error : errors) {
			description.append("\n    - ")
				.append(error.script())
				.append(" line ")
				.append(error.line())
				.append(" column ")
				.append(error.column())
				.append(" [")
				.append(error.rule())
				.append("]: ")
				.append(error.message())
				.append("\n      ")
				.append(error.hint());
		}
		String rule = errors.get(0).rule();
		String action = "Fix the SQL as each finding says: it gives the PostgreSQL way to write it. To keep a "
				+ "statement as it is, put '-- ratchet:allow " + rule + " because <reason>' on the line before it. "
				+ "To change how a rule counts everywhere, set its severity, for example ratchet.lint.severity." + rule
				+ "=warning (or off).";
		return new FailureAnalysis(description.toString(), action, ex);
	}

}
