package dev.ratchet.lint;

import java.util.List;

/**
 * What lint found in the pending scripts of a run, in the order the scripts apply.
 * @param findings every finding that is not switched off or silenced
 */
public record LintReport(List<LintFinding> findings) {

	/**
	 * A report without findings.
	 */
	public static final LintReport EMPTY = new LintReport(List.of());

	public LintReport {
		findings = List.copyOf(findings);
	}

	/**
	 * Returns the findings that stop a run.
	 */
	public List<LintFinding> errors() {
		return this.findings.stream().filter((finding) -> finding.severity() == LintSeverity.ERROR).toList();
	}

	/**
	 * Returns the findings that are only reported.
	 */
	public List<LintFinding> warnings() {
		return this.findings.stream().filter((finding) -> finding.severity() == LintSeverity.WARNING).toList();
	}

	/**
	 * Returns whether any finding stops a run.
	 */
	public boolean hasErrors() {
		return this.findings.stream().anyMatch((finding) -> finding.severity() == LintSeverity.ERROR);
	}

}
