package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.internal.BatchProcessor.Outcome;

/**
 * The batches of a batched migration one after the other on the migration connection
 * ({@code ratchet.data.parallelism} 1): fetch after the stored cursor, process, and commit the
 * batch with its cursor, counters and failed items, once sure the lock is still held.
 */
final class SerialBatches {

	private final MigrationContext context;

	private final Connection connection;

	private final BatchGate gate;

	private final LockWatch watch;

	private final ProgressTable progressTable;

	private final FailedItemsTable ledger;

	SerialBatches(MigrationContext context, BatchGate gate, LockWatch watch, ProgressTable progressTable,
			FailedItemsTable ledger) {
		this.context = context;
		this.connection = context.connection();
		this.gate = gate;
		this.watch = watch;
		this.progressTable = progressTable;
		this.ledger = ledger;
	}

	/**
	 * Runs the batches until none is left, leaving open the transaction that found none.
	 * @return {@code null} when every batch is done, or the state that stopped the run:
	 * {@code PAUSED}, {@code CANCELLED} or {@code INTERRUPTED}
	 */
	<T> DataMigrationState run(MigrationDescriptor d, BatchedMigration<T> migration, ProgressTracker progress,
			Pacer pacer) throws Exception {
		FailurePolicy policy = migration.options().getFailurePolicy();
		BatchProcessor processor = new BatchProcessor(this.connection, this.context);
		try {
			while (true) {
				if (Thread.currentThread().isInterrupted()) {
					return DataMigrationState.INTERRUPTED;
				}
				DataMigrationState stop = this.gate.await(d);
				if (stop != null) {
					return stop;
				}
				List<T> items = migration.nextBatch(this.context, progress.lastKey(),
						migration.options().getBatchSize());
				if (items.isEmpty()) {
					return null;
				}
				String last = migration.keyOf(items.get(items.size() - 1));
				if (last == null || last.equals(progress.lastKey())) {
					throw new BatchRunFailure(RunOutcomes.notAdvancing(last, progress.lastKey()), null);
				}
				Outcome outcome = processor.process(migration, items, policy.isSkipping());
				this.ledger.recordFailures(this.connection, d.version(), outcome.failures());
				this.progressTable.recordBatch(this.connection, d.version(), last, outcome.processed(),
						progress.takeElapsedMillis());
				commit();
				progress.batchCommitted(outcome.processed(), outcome.failures().size(), last);
				RunOutcomes.checkFailures(policy, progress, this.ledger, outcome);
				pacer.pace(progress.runItems());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DataMigrationState.INTERRUPTED;
		}
	}

	private void commit() throws SQLException, BatchRunFailure.LockLost {
		BatchRunFailure.LockLost.commit(this.connection, this.watch);
	}

}
