package dev.ratchet.lint.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintSeverity;

/**
 * Lints the pending scripts of one run, in the order they apply, from the statements the engine
 * reads anyway before applying anything. In memory only: it never touches the database.
 */
public final class Linter {

	private final Map<String, LintSeverity> severities;

	private final RunState run;

	private final List<LintFinding> findings = new ArrayList<>();

	/**
	 * Creates a linter for one run.
	 * @param severities severities that differ from the rules' defaults, by rule id
	 */
	public Linter(Map<String, LintSeverity> severities) {
		this(severities, false);
	}

	/**
	 * Creates a linter for one run.
	 * @param severities severities that differ from the rules' defaults, by rule id
	 * @param lockTimeoutConfigured whether the configuration ({@code ratchet.lock-timeout}) puts a
	 * {@code lock_timeout} on every statement, so that no script needs to set one
	 */
	public Linter(Map<String, LintSeverity> severities, boolean lockTimeoutConfigured) {
		this.severities = Map.copyOf(severities);
		this.run = new RunState(lockTimeoutConfigured);
	}

	/**
	 * Starts the next script of the run.
	 * @param script the script's name, for findings
	 * @return where to send its statements
	 */
	public ScriptLinter script(String script) {
		return new ScriptLinter(script, this, this.run);
	}

	/**
	 * Returns what was found so far.
	 */
	public LintReport report() {
		return new LintReport(this.findings);
	}

	LintSeverity severity(LintRule rule) {
		return this.severities.getOrDefault(rule.id(), rule.defaultSeverity());
	}

	void add(LintFinding finding) {
		this.findings.add(finding);
	}

}
