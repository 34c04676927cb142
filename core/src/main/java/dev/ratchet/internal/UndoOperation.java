package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.LintException;
import dev.ratchet.UndoRefusedException;
import dev.ratchet.UndoResult;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;

/**
 * {@code undo}: under the lock, read the history, work out the range above the target and refuse
 * before anything runs unless every step can be done, lint the undo scripts, then run each undo
 * script or Java undo, newest first, in a transaction with its {@code UNDO_SQL} or {@code UNDO_JAVA}
 * history row.
 */
final class UndoOperation implements LockedOperation<UndoResult> {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String DROP_RULE = "risk.drop";

	private final long start = System.nanoTime();

	private final List<ResolvedMigration> resolved;

	private final Target target;

	private final StatusCalculator calculator;

	private final Preflight preflight;

	UndoOperation(List<ResolvedMigration> resolved, Target target, StatusCalculator calculator, Preflight preflight) {
		this.resolved = resolved;
		this.target = target;
		this.calculator = calculator;
		this.preflight = preflight;
	}

	@Override
	public String role() {
		return "undo";
	}

	@Override
	public String action() {
		return "undo migrations";
	}

	@Override
	public UndoResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		HistoryTable history = run.history();
		Prepared prepared = prepare(run, this.resolved, this.target, this.calculator, this.preflight);
		UndoRange range = prepared.range();
		if (range.steps().isEmpty()) {
			logger.info("Nothing to undo in schema \"{}\": no version above target {} is applied", run.schema(),
					this.target);
			return new UndoResult(run.schema(), range.currentVersion(), range.currentVersion(), List.of(),
					run.lockWait(), OperationRunner.elapsed(this.start), prepared.lint());
		}
		DriftTracker drift = new DriftTracker(run.schema(), history.getTable());
		DriftReport driftReport = drift.check(connection);
		if (driftReport.isDrifted()) {
			logger.warn("Schema \"{}\" differs from the snapshot of Ratchet's last run; changes made outside Ratchet: {}",
					run.schema(), driftReport.differences());
		}
		run.applyTimeouts();
		List<ExecutedMigration> undone;
		try (LockWatch watch = run.watch()) {
			MigrationExecutor executor = new MigrationExecutor(connection, history,
					this.preflight.scripts(run.schema()), run.schema(), watch, LockRetry.of(run.configuration()));
			undone = new Applier(executor, null, run.events()).applyAndSnapshot(prepared.plans(), drift, connection);
		}
		undone.forEach((step) -> logger.info("Undid version {} of schema \"{}\" with {} in {} ms",
				step.migration().version(), run.schema(), step.migration().script(), step.executionTime().toMillis()));
		return new UndoResult(run.schema(), range.currentVersion(), range.resultingVersion(), undone, run.lockWait(),
				OperationRunner.elapsed(this.start), prepared.lint());
	}

	/**
	 * Reads the history and works out the undo, refusing it unless every step can be done.
	 * @throws UndoRefusedException naming every problem
	 * @throws LintException if lint finds errors in the undo scripts
	 */
	static Prepared prepare(Run run, List<ResolvedMigration> resolved, Target target, StatusCalculator calculator,
			Preflight preflight) throws SQLException {
		HistoryTable history = run.history();
		List<dev.ratchet.history.AppliedMigration> rows = history.read(run.connection());
		StatusCalculator.Outcome outcome = calculator.calculate(history.getSchema(), history.getTable(), resolved,
				rows, null);
		UndoRange range = UndoRange.of(target, resolved, outcome.report(), rows);
		if (!range.problems().isEmpty()) {
			throw new UndoRefusedException(run.schema(), target.toString(), range.problems());
		}
		Preflight.Result checked = preflight.check(range.steps(), run.schema());
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
