package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;

/**
 * Applies the pending migrations of a run one after the other, each committed with its history
 * row, then records the schema snapshot, also when one fails (what the run applied before is
 * Ratchet's doing, not drift).
 * @param executor applies one migration
 * @param batches applies a batched data migration, or {@code null} when none may run (an undo)
 * @param events where events go
 */
record Applier(MigrationExecutor executor, BatchedMigrationRunner batches, Events events) {

	List<ExecutedMigration> applyAndSnapshot(Map<ResolvedMigration, ScriptPlan> plans, DriftTracker drift,
			Connection connection) throws SQLException {
		List<ExecutedMigration> applied;
		try {
			applied = apply(plans);
		}
		catch (MigrationFailedException ex) {
			try {
				drift.recordRun(connection, true);
			}
			catch (SQLException | RuntimeException snapshotFailure) {
				ex.addSuppressed(snapshotFailure);
			}
			throw ex;
		}
		drift.recordRun(connection, !applied.isEmpty());
		return applied;
	}

	private List<ExecutedMigration> apply(Map<ResolvedMigration, ScriptPlan> plans) {
		List<ExecutedMigration> applied = new ArrayList<>();
		int left = plans.size();
		for (Map.Entry<ResolvedMigration, ScriptPlan> entry : plans.entrySet()) {
			// Every commit but the run's last leaves the WAL flush to the last one (see MigrationExecutor).
			boolean last = --left == 0;
			MigrationDescriptor migration = entry.getKey().descriptor();
			this.events.publish(new MigrationEvent.MigrationStarted(migration));
			long start = System.nanoTime();
			try {
				ExecutedMigration executed;
				if (entry.getKey().java() instanceof BatchedMigration<?>) {
					this.executor.historyWrittenElsewhere();
					executed = this.batches.run(entry.getKey());
				}
				else {
					executed = this.executor.apply(entry.getKey(), entry.getValue(), last);
				}
				if (executed == null) {
					// Interrupted between two batches: what was committed stays, and the next run continues.
					break;
				}
				applied.add(executed);
				this.events.publish(new MigrationEvent.MigrationApplied(migration, executed.executionTime()));
			}
			catch (MigrationFailedException ex) {
				this.events.publish(new MigrationEvent.MigrationFailed(migration, elapsed(start), ex));
				throw ex;
			}
		}
		return applied;
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
