package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationVersion;
import dev.ratchet.PlanResult;
import dev.ratchet.PlannedMigration;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.lint.LintReport;

/**
 * A plan, of a {@code migrate} or of an {@code undo}: under the lock and in one transaction, works
 * out what would run, dry-runs it ({@link DryRun}), and rolls everything back, whatever
 * {@link #prepare(Run)} wrote included.
 */
abstract class DryRunOperation extends LockedOperation<PlanResult> {

	private final long start = System.nanoTime();

	private final Preflight preflight;

	DryRunOperation(String action, Preflight preflight) {
		super("plan", action);
		this.preflight = preflight;
	}

	final Preflight preflight() {
		return this.preflight;
	}

	@Override
	final PlanResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		try {
			connection.setAutoCommit(false);
			Steps steps = prepare(run);
			List<PlannedMigration> planned = run.executing(this.preflight,
					(executor, watch) -> DryRun.run(steps.plans(), executor, new DryRunCommit(connection)));
			return new PlanResult(run.schema(), steps.currentVersion(), planned, steps.lint(),
					OperationRunner.elapsed(this.start));
		}
		finally {
			Transactions.end(connection);
		}
	}

	/**
	 * Works out what to dry-run, inside the transaction that is rolled back.
	 */
	abstract Steps prepare(Run run) throws SQLException;

	/**
	 * What a plan dry-runs.
	 * @param plans each migration to dry-run with what its script check found, in order
	 * @param currentVersion the version the schema is at
	 * @param lint what lint found
	 */
	record Steps(Map<ResolvedMigration, ScriptPlan> plans, MigrationVersion currentVersion, LintReport lint) {
	}

}
