package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.PlanResult;
import dev.ratchet.PlannedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * {@code plan}: under the lock, runs every pending transactional migration in one transaction,
 * each as its commit would end it, and rolls everything back, a baseline and the history table
 * included.
 */
final class PlanOperation implements LockedOperation<PlanResult> {

	private final long start = System.nanoTime();

	private final List<ResolvedMigration> resolved;

	private final HistoryCheck historyCheck;

	private final Preflight preflight;

	PlanOperation(List<ResolvedMigration> resolved, HistoryCheck historyCheck, Preflight preflight) {
		this.resolved = resolved;
		this.historyCheck = historyCheck;
		this.preflight = preflight;
	}

	@Override
	public String role() {
		return "plan";
	}

	@Override
	public String action() {
		return "plan";
	}

	@Override
	public PlanResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		HistoryTable history = run.history();
		try {
			connection.setAutoCommit(false);
			Outcome outcome = this.historyCheck.readAndValidate(connection, history, this.resolved).outcome();
			Preflight.Result preflight = this.preflight.check(Target.of(run.configuration()).select(outcome.pending()),
					run.schema());
			preflight.log(true);
			history.create(connection);
			run.applyTimeouts();
			List<PlannedMigration> planned;
			try (LockWatch watch = run.watch()) {
				planned = DryRun.run(preflight.plans(), new MigrationExecutor(connection, history,
						this.preflight.scripts(run.schema()), run.schema(), watch, LockRetry.of(run.configuration())),
						new DryRunCommit(connection));
			}
			return new PlanResult(run.schema(), outcome.report().currentVersion(), planned, preflight.lint(),
					OperationRunner.elapsed(this.start));
		}
		finally {
			Transactions.end(connection);
		}
	}

}
