package dev.ratchet.boot.report;

import java.util.List;

import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintSeverity;

/**
 * What lint found in pending migrations, for the commands' reports and the {@code migrations}
 * endpoint. Errors stop {@code migrate} before anything of the run is applied; warnings are only
 * reported.
 * @param errorCount how many findings are errors
 * @param warningCount how many findings are warnings
 * @param findings every finding, in the order the scripts apply
 */
public record LintDescriptor(int errorCount, int warningCount, List<FindingDescriptor> findings) {

	public LintDescriptor {
		findings = List.copyOf(findings);
	}

	/**
	 * Describes a lint report.
	 * @param report the report
	 * @return the descriptor
	 */
	public static LintDescriptor of(LintReport report) {
		return new LintDescriptor(report.errors().size(), report.warnings().size(),
				report.findings().stream().map(FindingDescriptor::of).toList());
	}

	/**
	 * One finding.
	 * @param rule the rule id, for example {@code dialect.datetime}; it is what
	 * {@code -- ratchet:allow} comments and {@code ratchet.lint.severity.<rule-id>} name
	 * @param severity {@code WARNING} or {@code ERROR}
	 * @param script the script
	 * @param line the 1-based line
	 * @param column the 1-based column
	 * @param message what is wrong
	 * @param hint how to write it for PostgreSQL, or how to do it safely
	 */
	public record FindingDescriptor(String rule, LintSeverity severity, String script, int line, int column,
			String message, String hint) {

		static FindingDescriptor of(LintFinding finding) {
			return new FindingDescriptor(finding.rule(), finding.severity(), finding.script(), finding.line(),
					finding.column(), finding.message(), finding.hint());
		}

	}

}
