package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.UndoResult;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.internal.DriftTracker;

/**
 * {@code undo}: under the lock, read the history, work out the range above the target and refuse
 * before anything runs unless every step can be done, lint the undo scripts
 * ({@link UndoPreparation}), then run each undo script or Java undo, newest first, in a transaction
 * with its {@code UNDO_SQL} or {@code UNDO_JAVA} history row.
 */
final class UndoOperation extends LockedOperation<UndoResult> {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final long start = System.nanoTime();

	private final UndoPreparation undo;

	UndoOperation(UndoPreparation undo) {
		super("undo", "undo migrations");
		this.undo = undo;
	}

	@Override
	UndoResult run(Run run) throws SQLException {
		UndoPreparation.Prepared prepared = this.undo.prepare(run);
		UndoRange range = prepared.range();
		if (range.steps().isEmpty()) {
			logger.info("Nothing to undo in schema \"{}\": no version above target {} is applied", run.schema(),
					this.undo.target());
			return new UndoResult(run.schema(), range.currentVersion(), range.currentVersion(), List.of(),
					run.lockWait(), OperationRunner.elapsed(this.start), prepared.lint());
		}
		DriftTracker drift = new DriftTracker(run.schema(), run.history().getTable());
		DriftReport driftReport = drift.check(run.connection());
		if (driftReport.isDrifted()) {
			logger.warn("Schema \"{}\" differs from the snapshot of Ratchet's last run; changes made outside Ratchet: {}",
					run.schema(), driftReport.differences());
		}
		List<ExecutedMigration> undone = run.executing(this.undo.preflight(), (executor, watch) -> new Applier(executor,
				null, run.events()).applyAndSnapshot(prepared.plans(), drift, run.connection()));
		undone.forEach((step) -> logger.info("Undid version {} of schema \"{}\" with {} in {} ms",
				step.migration().version(), run.schema(), step.migration().script(), step.executionTime().toMillis()));
		return new UndoResult(run.schema(), range.currentVersion(), range.resultingVersion(), undone, run.lockWait(),
				OperationRunner.elapsed(this.start), prepared.lint());
	}

}
