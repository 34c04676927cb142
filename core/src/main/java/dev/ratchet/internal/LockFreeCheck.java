package dev.ratchet.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationVersion;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;
import dev.ratchet.lint.LintReport;

/**
 * Finds, without the lock, that a run has nothing to apply. That is what most start-ups and every
 * instance that waited behind the one that migrated find: one read of the history and the drift
 * check, with no lock session and no waiting in line for the lock. Anything else goes the locked
 * way, which reads everything again under the lock: a history without rows (it may need creating
 * or a baseline), a history that does not validate (a failed or running migration, say), a pending
 * migration in the scope, no drift snapshot yet (it is taken under the lock), or drift (possibly
 * another instance's migration in progress, so it is confirmed under the lock). At start-up with a
 * background migration next, there is nothing to do either way, and no waiting for the lock:
 * another instance may be running that migration, holding the lock for hours. A start-up configured
 * not to compare for drift ({@code driftCheckAtStartup}) only makes sure a snapshot exists.
 * @param runner opens sessions
 * @param calculator works out the state of each migration
 */
record LockFreeCheck(OperationRunner runner, StatusCalculator calculator) {

	/**
	 * Returns the result of a run with nothing to apply, or {@code null} to take the lock and go on.
	 */
	MigrateResult upToDate(MigrateScope scope, List<ResolvedMigration> resolved, Session session, long start,
			Duration lockWait) throws SQLException {
		HistoryTable history = this.runner.target(session).history();
		List<AppliedMigration> rows = history.read(session.connection());
		Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows, null);
		if (!outcome.report().isValid()) {
			return null;
		}
		DriftReport drift = DriftReport.NO_SNAPSHOT;
		if (!(scope == MigrateScope.UNTIL_BACKGROUND && scope.skipsLock(outcome.pending()))) {
			if (rows.isEmpty() || !scope.select(Target.of(this.runner.configuration()).select(outcome.pending())).isEmpty()) {
				return null;
			}
			DriftTracker tracker = DriftSettings.tracker(this.runner.configuration(), history.getSchema(),
					history.getTable());
			if (scope == MigrateScope.UNTIL_BACKGROUND && !this.runner.configuration().isDriftCheckAtStartup()) {
				// Compared later by the caller; only the first snapshot cannot wait.
				if (!tracker.hasSnapshot(session.connection())) {
					return null;
				}
			}
			else {
				drift = tracker.check(session.connection());
				if (this.runner.configuration().isDriftEnabled() && (!drift.hasSnapshot() || drift.isDrifted())) {
					return null;
				}
			}
		}
		MigrationVersion current = outcome.report().currentVersion();
		if (scope == MigrateScope.UNTIL_BACKGROUND) {
			MigrateOperation.deferred(this.runner.events(), outcome.pending(), List.of());
		}
		return new MigrateResult(session.schema(), current, current, List.of(), false, lockWait,
				OperationRunner.elapsed(start), LintReport.EMPTY, drift);
	}

	/**
	 * Returns the result of a background run with nothing to do (the next pending migration is not a
	 * background one), or {@code null} to take the lock and go on. Such a run publishes nothing.
	 */
	MigrateResult backgroundIdle(List<ResolvedMigration> resolved, long start) {
		if (!MigrateScope.anyBackground(resolved)) {
			return nothingApplied(null, null, start);
		}
		try (Session session = this.runner.open("status")) {
			HistoryTable history = this.runner.target(session).history();
			Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved,
					history.read(session.connection()), null);
			if (!outcome.report().isValid() || !MigrateScope.BACKGROUND.skipsLock(outcome.pending())) {
				return null;
			}
			return nothingApplied(session.schema(), outcome.report().currentVersion(), start);
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("read the migration history", ex);
		}
	}

	private static MigrateResult nothingApplied(String schema, MigrationVersion version, long start) {
		return new MigrateResult(schema, version, version, List.of(), false, Duration.ZERO,
				OperationRunner.elapsed(start));
	}

}
