package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.PlanResult;
import dev.ratchet.PlannedMigration;

/**
 * The plan of an {@code undo}: under the lock, the same checks as the undo itself, then every undo
 * script run in one transaction with its history row, each as its commit would end it, and all
 * rolled back.
 */
final class UndoPlanOperation implements LockedOperation<PlanResult> {

	private final long start = System.nanoTime();

	private final List<ResolvedMigration> resolved;

	private final Target target;

	private final StatusCalculator calculator;

	private final Preflight preflight;

	UndoPlanOperation(List<ResolvedMigration> resolved, Target target, StatusCalculator calculator,
			Preflight preflight) {
		this.resolved = resolved;
		this.target = target;
		this.calculator = calculator;
		this.preflight = preflight;
	}

	@Override
	public String role() {
		return "plan";
	}

	@Override
	public String action() {
		return "plan the undo";
	}

	@Override
	public PlanResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		try {
			connection.setAutoCommit(false);
			UndoOperation.Prepared prepared = UndoOperation.prepare(run, this.resolved, this.target, this.calculator,
					this.preflight);
			run.applyTimeouts();
			List<PlannedMigration> planned;
			try (LockWatch watch = run.watch()) {
				planned = DryRun.run(prepared.plans(), new MigrationExecutor(connection, run.history(),
						this.preflight.scripts(run.schema()), run.schema(), watch, LockRetry.of(run.configuration())),
						new DryRunCommit(connection));
			}
			return new PlanResult(run.schema(), prepared.range().currentVersion(), planned, prepared.lint(),
					OperationRunner.elapsed(this.start));
		}
		finally {
			Transactions.end(connection);
		}
	}

}
