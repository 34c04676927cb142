package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.LintException;
import dev.ratchet.UndoRefusedException;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintSeverity;

/**
 * What an {@code undo} and its plan both do first, under the lock: read the history, work out the
 * range above the target, refuse unless every step can be done, and lint the undo scripts.
 * @param resolved the resolved migrations
 * @param target the version to undo to
 * @param calculator works out the state of each migration
 * @param preflight checks and lints the undo scripts
 */
record UndoPreparation(List<ResolvedMigration> resolved, Target target, StatusCalculator calculator,
		Preflight preflight) {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String DROP_RULE = "risk.drop";

	/**
	 * Reads the history and works out the undo, refusing it unless every step can be done.
	 * @throws UndoRefusedException naming every problem
	 * @throws LintException if lint finds errors in the undo scripts
	 */
	Prepared prepare(Run run) throws SQLException {
		HistoryTable history = run.history();
		List<AppliedMigration> rows = history.read(run.connection());
		StatusCalculator.Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(),
				this.resolved, rows, null);
		UndoRange range = UndoRange.of(this.target, this.resolved, outcome.report(), rows);
		if (!range.problems().isEmpty()) {
			throw new UndoRefusedException(run.schema(), this.target.toString(), range.problems());
		}
		Preflight.Result checked = this.preflight.check(range.steps(), run.schema());
		LintReport lint = undoLint(checked.lint());
		for (LintFinding finding : lint.findings()) {
			switch (finding.severity()) {
				case ERROR -> logger.error("Lint: {}", finding);
				case WARNING -> logger.warn("Lint: {}", finding);
				default -> logger.info("Lint: {}", finding);
			}
		}
		if (lint.hasErrors()) {
			throw new LintException(lint);
		}
		return new Prepared(range, checked.plans(), lint);
	}

	/**
	 * Dropping what the migration added is what an undo is for: reported as information.
	 */
	private static LintReport undoLint(LintReport lint) {
		return new LintReport(lint.findings()
			.stream()
			.map((finding) -> (finding.rule().equals(DROP_RULE) && finding.severity() != LintSeverity.OFF)
					? new LintFinding(finding.rule(), LintSeverity.INFO, finding.script(), finding.line(),
							finding.column(), finding.message(), finding.hint())
					: finding)
			.toList());
	}

	/**
	 * An undo worked out and checked.
	 * @param range the range and its steps
	 * @param plans each step with what its script check found
	 * @param lint what lint found in the undo scripts
	 */
	record Prepared(UndoRange range, Map<ResolvedMigration, ScriptPlan> plans, LintReport lint) {
	}

}
