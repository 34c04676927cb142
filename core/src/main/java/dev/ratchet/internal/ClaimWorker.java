package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.history.ClaimsTable;
import dev.ratchet.history.ClaimsTable.Claim;
import dev.ratchet.history.ClaimsTable.Cursor;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.internal.BatchProcessor.Outcome;

/**
 * One worker of a parallel run, on a connection of its own: asks the {@link BatchGate}, takes over
 * a claimed range no session holds any more (its claimer died or gave it up), or else claims the
 * next range after the shared cursor in a short transaction; then processes the range and, in one
 * transaction, records its failed items, marks it done and counts it. It stops when no range is
 * left to claim or take over, or when the run stops: after its current range, never within one.
 */
final class ClaimWorker<T> {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final Connection connection;

	private final MigrationContext context;

	private final BatchGate gate;

	private final ClaimsTable claims;

	private final FailedItemsTable ledger;

	private final ParallelBatches.Shared<T> shared;

	ClaimWorker(Connection connection, MigrationContext context, BatchGate gate, ClaimsTable claims,
			FailedItemsTable ledger, ParallelBatches.Shared<T> shared) {
		this.connection = connection;
		this.context = context;
		this.gate = gate;
		this.claims = claims;
		this.ledger = ledger;
		this.shared = shared;
	}

	/**
	 * Processes ranges until none is free or the run stops; the connection is in no transaction
	 * afterwards.
	 * @throws Exception a failure of the migration, its range rolled back and its claim given up
	 */
	void run() throws Exception {
		MigrationDescriptor d = this.shared.migration();
		BatchProcessor processor = new BatchProcessor(this.connection, this.context);
		try {
			while (this.shared.stopState() == null) {
				if (Thread.currentThread().isInterrupted()) {
					throw new InterruptedException("interrupted between two batches");
				}
				DataMigrationState stop = this.gate.await(d);
				this.connection.rollback();
				if (stop != null) {
					this.shared.stop(stop);
					return;
				}
				Range<T> range = takeOver(d.version());
				if (range == null) {
					range = claimNext(d);
				}
				if (range == null) {
					return;
				}
				process(d.version(), range, processor);
				this.shared.pacer().pace(this.shared.progress().runItems());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.shared.stop(DataMigrationState.INTERRUPTED);
		}
		finally {
			Transactions.rollback(this.connection);
		}
	}

	private Range<T> takeOver(MigrationVersion version) throws SQLException {
		List<Claim> open = this.claims.open(this.connection, version);
		this.connection.rollback();
		for (Claim claim : open) {
			if (this.claims.hold(this.connection, version, claim.claim())) {
				logger.debug("{}: taking over range {} after '{}'", this.shared.migration().script(), claim.claim(),
						claim.afterKey());
				return new Range<>(claim, null);
			}
		}
		return null;
	}

	private Range<T> claimNext(MigrationDescriptor d) throws Exception {
		BatchedMigration<T> migration = this.shared.batched();
		// The progress row stays locked until the claim commits: not for a flush too.
		this.claims.deferFlush(this.connection);
		Cursor cursor = this.claims.lockCursor(this.connection, d.version());
		if (cursor == null || !DataMigrationState.RUNNING.name().equals(cursor.state())) {
			this.connection.rollback();
			this.shared.stop(stopState(cursor));
			return null;
		}
		List<T> items = migration.nextBatch(this.context, cursor.lastKey(), migration.options().getBatchSize());
		if (items.isEmpty()) {
			this.connection.rollback();
			return null;
		}
		List<String> keys = new ArrayList<>(items.size());
		for (T item : items) {
			keys.add(migration.keyOf(item));
		}
		String last = keys.get(keys.size() - 1);
		if (last == null || last.equals(cursor.lastKey())) {
			throw new BatchRunFailure(RunOutcomes.notAdvancing(last, cursor.lastKey()), null);
		}
		int claim = this.claims.claim(this.connection, d.version(), cursor.lastKey(), keys);
		try {
			this.connection.commit();
		}
		catch (SQLException ex) {
			release(d.version(), claim);
			throw ex;
		}
		return new Range<>(new Claim(claim, cursor.lastKey(), last), items);
	}

	private void process(MigrationVersion version, Range<T> range, BatchProcessor processor) throws Exception {
		int claim = range.claim().claim();
		try {
			if (!this.claims.lockUndone(this.connection, version, claim)) {
				// Done by its claimer between our reading it and holding it.
				this.connection.rollback();
				return;
			}
			BatchedMigration<T> migration = this.shared.batched();
			List<T> items = (range.items() != null) ? range.items() : refetch(version, range.claim());
			boolean skipping = migration.options().getFailurePolicy().isSkipping();
			Outcome outcome = items.isEmpty() ? new Outcome(0, Map.of())
					: processor.process(migration, items, skipping);
			this.ledger.recordFailures(this.connection, version, outcome.failures());
			ProgressTracker progress = this.shared.progress();
			this.claims.done(this.connection, version, claim, outcome.processed(), progress.takeElapsedMillis());
			// done() locked the progress row every claim and range needs: committed without waiting for
			// the flush, which follows once the row is free, before the range counts as committed.
			this.claims.deferFlush(this.connection);
			this.connection.commit();
			this.claims.flush(this.connection);
			progress.batchCommitted(outcome.processed(), outcome.failures().size(), range.claim().lastKey());
			RunOutcomes.checkFailures(migration.options().getFailurePolicy(), progress, this.ledger, outcome);
		}
		finally {
			Transactions.rollback(this.connection);
			release(version, claim);
		}
	}

	/**
	 * Fetches a taken-over range's items again: those after its start that its claimer found in it,
	 * so that neither items of the next range nor items added since are processed here.
	 */
	private List<T> refetch(MigrationVersion version, Claim claim) throws Exception {
		BatchedMigration<T> migration = this.shared.batched();
		Set<String> keys = new HashSet<>(this.claims.keys(this.connection, version, claim.claim()));
		List<T> fetched = migration.nextBatch(this.context, claim.afterKey(),
				Math.max(keys.size(), migration.options().getBatchSize()));
		return fetched.stream().filter((item) -> keys.contains(migration.keyOf(item))).toList();
	}

	private void release(MigrationVersion version, int claim) {
		try {
			this.claims.release(this.connection, version, claim);
			this.connection.rollback();
		}
		catch (SQLException ex) {
			// A broken connection: its session ends, and PostgreSQL frees the claim with it.
			logger.debug("Could not give up claim {} of {}", claim, version, ex);
		}
	}

	private static DataMigrationState stopState(Cursor cursor) {
		if (cursor != null && DataMigrationState.PAUSED.name().equals(cursor.state())) {
			return DataMigrationState.PAUSED;
		}
		if (cursor != null && DataMigrationState.CANCELLED.name().equals(cursor.state())) {
			return DataMigrationState.CANCELLED;
		}
		// Completed or failed by the instance that holds the lock: nothing more to do here.
		return DataMigrationState.INTERRUPTED;
	}

	/**
	 * A range this worker holds: its claim, and the items when it claimed them itself.
	 */
	private record Range<T>(Claim claim, List<T> items) {
	}

}
