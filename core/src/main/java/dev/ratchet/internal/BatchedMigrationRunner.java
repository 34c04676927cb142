package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataClock;
import dev.ratchet.data.DataMigrationFailedException;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.history.ClaimsTable;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.history.ProgressTable.Progress;
import dev.ratchet.internal.BatchProcessor.ItemFailedException;

/**
 * Runs one {@link BatchedMigration} under the lock the engine holds: start or resume from the
 * stored cursor, then have the batches processed, each committed with its cursor, counters and
 * failed items, one after the other ({@link SerialBatches}) or by several workers in claimed
 * ranges ({@link ParallelBatches}); then verify, and record the history row in the verification's
 * transaction. A failure rolls back the current batch and
 * records the failure; an interruption stops between batches. Either way the committed batches
 * stay, and the next run continues after them.
 */
final class BatchedMigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final Connection connection;

	private final MigrationContext context;

	private final HistoryTable history;

	private final ProgressTable progressTable;

	private final FailedItemsTable ledger;

	private final Events events;

	private final DataClock clock;

	private final ClaimsTable claims;

	private final LockWatch watch;

	private final BatchGate gate;

	private final RatchetConfiguration configuration;

	BatchedMigrationRunner(Connection connection, String schema, HistoryTable history, Events events,
			RatchetConfiguration configuration, LockWatch watch) {
		this.connection = connection;
		this.context = new MigrationContext(connection, schema);
		this.history = history;
		this.progressTable = new ProgressTable(history);
		this.ledger = new FailedItemsTable(history);
		this.claims = new ClaimsTable(history);
		this.events = events;
		this.configuration = configuration;
		this.clock = configuration.getDataClock();
		this.watch = watch;
		this.gate = new BatchGate(connection, this.context, history, configuration.getThrottles(), this.clock);
	}

	/**
	 * Runs the migration.
	 * @param migration a resolved batched migration
	 * @return the executed migration, or {@code null} when the thread was interrupted or an operator
	 * paused or cancelled the migration, and the run stopped between batches
	 * @throws DataMigrationFailedException when the migration fails
	 */
	ExecutedMigration run(ResolvedMigration migration) {
		return run(migration.descriptor(), (BatchedMigration<?>) migration.java());
	}

	private <T> ExecutedMigration run(MigrationDescriptor d, BatchedMigration<T> migration) {
		BatchOptions options = migration.options();
		FailurePolicy policy = options.getFailurePolicy();
		ProgressTracker progress = null;
		try {
			this.progressTable.create(this.connection);
			this.ledger.create(this.connection);
			this.claims.create(this.connection);
			this.connection.setAutoCommit(false);
			progress = start(d, options);
			DataMigrationState stop = this.gate.stopState(d.version());
			if (stop != null) {
				return stopped(d, progress, stop);
			}
			if (progress.batches() == 0 && progress.total() == null) {
				count(d, migration, progress);
			}
			progress.report(DataMigrationState.RUNNING, null);
			if (policy.isSkipping() && RunOutcomes.exceeded(policy, progress)) {
				throw new BatchRunFailure(RunOutcomes.tooManyFailures(policy, progress, this.ledger.getQualifiedName()),
						null);
			}
			Pacer pacer = new Pacer(options, this.clock, progress.runStart());
			// Once claimed in ranges, a migration stays so: its cursor says how far ranges were handed out.
			boolean parallel = this.configuration.getDataParallelism() > 1
					|| this.claims.count(this.connection, d.version()).all() > 0;
			this.connection.rollback();
			stop = parallel ? new ParallelBatches(this.connection, this.context.schema(), this.history,
					this.configuration).run(d, migration, progress, pacer)
					: new SerialBatches(this.context, this.gate, this.watch, this.progressTable, this.ledger).run(d,
							migration, progress, pacer);
			if (stop == DataMigrationState.INTERRUPTED) {
				return interrupted(progress);
			}
			if (stop != null) {
				return stopped(d, progress, stop);
			}
			return complete(d, migration, progress);
		}
		catch (ItemFailedException ex) {
			throw fail(d, progress, "item '" + ex.key() + "' failed: " + DataErrors.describe(ex.getCause()), ex.key(),
					ex.getCause());
		}
		catch (BatchRunFailure.LockLost ex) {
			// Another instance may be running this migration now: record nothing, leave it to that one.
			Transactions.rollback(this.connection);
			throw (RatchetException) ex.getCause();
		}
		catch (BatchRunFailure ex) {
			throw fail(d, progress, ex.getMessage(), null, ex.getCause());
		}
		catch (Exception ex) {
			if (progress != null && DataErrors.isInterruption(ex)) {
				Thread.currentThread().interrupt();
				return interrupted(progress);
			}
			throw fail(d, progress, DataErrors.describe(ex), null, ex);
		}
		catch (Error ex) {
			// Rolled back and recorded like any failure, so the migration does not look as if it still ran;
			// then the error goes on as it is.
			try {
				ex.addSuppressed(fail(d, progress, DataErrors.describe(ex), null, ex));
			}
			catch (Throwable recording) {
				ex.addSuppressed(recording);
			}
			throw ex;
		}
		finally {
			Transactions.end(this.connection);
		}
	}

	private ProgressTracker start(MigrationDescriptor d, BatchOptions options) throws SQLException {
		this.progressTable.start(this.connection, d);
		if (this.progressTable.resume(this.connection, d)) {
			this.history.deleteFailed(this.connection, d.version());
		}
		this.connection.commit();
		Progress progress = this.progressTable.read(this.connection, d.version());
		return new ProgressTracker(d, options.isBackground(), progress, this.clock, this.events);
	}

	private <T> void count(MigrationDescriptor d, BatchedMigration<T> migration, ProgressTracker progress)
			throws SQLException, BatchRunFailure {
		OptionalLong total;
		try {
			total = migration.total(this.context);
		}
		catch (Exception ex) {
			throw new BatchRunFailure("counting its items failed: " + DataErrors.describe(ex), ex);
		}
		if (total.isPresent()) {
			this.progressTable.setTotal(this.connection, d.version(), total.getAsLong());
			this.connection.commit();
			progress.total(total.getAsLong());
		}
	}

	private <T> ExecutedMigration complete(MigrationDescriptor d, BatchedMigration<T> migration,
			ProgressTracker progress) throws SQLException, BatchRunFailure {
		try {
			migration.verify(this.context);
		}
		catch (Exception ex) {
			throw new BatchRunFailure("verification failed: " + DataErrors.describe(ex), ex);
		}
		Duration total = progress.totalElapsed();
		if (!this.progressTable.finish(this.connection, d.version(), DataMigrationState.COMPLETED.name(), null,
				progress.takeElapsedMillis())) {
			// Paused or cancelled since the last batch: it completes when resumed.
			Transactions.rollback(this.connection);
			DataMigrationState state = this.gate.stopState(d.version());
			return stopped(d, progress, (state != null) ? state : DataMigrationState.INTERRUPTED);
		}
		this.history.insert(this.connection, d, millis(total), null);
		this.claims.delete(this.connection, d.version());
		commit();
		progress.report(DataMigrationState.COMPLETED, null);
		return new ExecutedMigration(d, Duration.ofNanos(this.clock.nanoTime() - progress.runStart()), false);
	}

	private ExecutedMigration interrupted(ProgressTracker progress) {
		Transactions.rollback(this.connection);
		progress.report(DataMigrationState.INTERRUPTED, null);
		return null;
	}

	private ExecutedMigration stopped(MigrationDescriptor d, ProgressTracker progress, DataMigrationState state) {
		Transactions.rollback(this.connection);
		logger.info("Data migration {} (version {}) is {}: stopped after its last committed batch; it and the "
				+ "versions after it wait until it is resumed", d.script(), d.version(), state.name().toLowerCase());
		progress.report(state, null);
		return null;
	}

	private DataMigrationFailedException fail(MigrationDescriptor d, ProgressTracker progress, String reason,
			String itemKey, Throwable cause) {
		Transactions.rollback(this.connection);
		SQLException sql = (cause != null) ? DataErrors.sqlCause(cause) : null;
		DataMigrationFailedException failure = new DataMigrationFailedException(
				"Data migration " + d.script() + " (version " + d.version() + ") failed: " + reason
						+ System.lineSeparator() + RunOutcomes.consequence(progress, this.ledger.getQualifiedName()),
				d, reason, (sql != null) ? sql.getSQLState() : null, itemKey,
				(progress != null) ? progress.lastKey() : null, (progress != null) ? progress.processed() : 0,
				(progress != null) ? progress.failed() : 0, cause);
		if (progress != null) {
			try {
				this.progressTable.finish(this.connection, d.version(), DataMigrationState.FAILED.name(), reason,
						progress.takeElapsedMillis());
				this.history.insert(this.connection, d, millis(progress.totalElapsed()), reason);
				this.connection.commit();
			}
			catch (SQLException ex) {
				Transactions.rollback(this.connection);
				failure.addSuppressed(ex);
				logger.error("Could not record the failure of {} in {}: {}", d.script(), this.progressTable.getQualifiedName(),
						ex.getMessage());
			}
			progress.report(DataMigrationState.FAILED, reason);
		}
		return failure;
	}

	private void commit() throws SQLException, BatchRunFailure.LockLost {
		BatchRunFailure.LockLost.commit(this.connection, this.watch);
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

}
