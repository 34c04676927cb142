package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * {@code plan}: under the lock, runs every pending transactional migration in one transaction,
 * each as its commit would end it, and rolls everything back, a baseline and the history table
 * included.
 */
final class PlanOperation extends DryRunOperation {

	private final List<ResolvedMigration> resolved;

	private final HistoryCheck historyCheck;

	PlanOperation(List<ResolvedMigration> resolved, HistoryCheck historyCheck, Preflight preflight) {
		super("plan", preflight);
		this.resolved = resolved;
		this.historyCheck = historyCheck;
	}

	@Override
	Steps prepare(Run run) throws SQLException {
		HistoryTable history = run.history();
		Outcome outcome = this.historyCheck.readAndValidate(run.connection(), history, this.resolved).outcome();
		Preflight.Result checked = preflight().check(Target.of(run.configuration()).select(outcome.pending()),
				run.schema());
		checked.log(true);
		history.create(run.connection());
		return new Steps(checked.plans(), outcome.report().currentVersion(), checked.lint());
	}

}
