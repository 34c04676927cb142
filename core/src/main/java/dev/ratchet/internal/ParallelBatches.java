package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.history.ClaimsTable;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.history.HistoryTable;

/**
 * The batches of a batched migration processed by {@code ratchet.data.parallelism} workers at once,
 * each on a connection of its own (the first on the migration connection, the others opened for
 * the run: a run holds {@code parallelism} connections plus the lock session), and by the workers
 * of other instances that wait for the lock meanwhile ({@link ParallelJoin}).
 * <p>
 * The work is divided through the database: a worker claims the next batch after the shared cursor
 * in a short transaction ({@link ClaimsTable}), so claims of all instances take turns on the
 * migration's progress row, and no two claims overlap. The range is then processed in a
 * transaction of its own, which also records its failed items, marks the claim done and adds to
 * the counters: each item is processed and counted exactly once, whichever worker commits. Both
 * transactions end holding the progress row, so they commit without waiting for the WAL flush
 * ({@link ClaimsTable#deferFlush}), which would keep every other worker waiting for the row; the
 * range's worker waits for the flush once the row is free ({@link ClaimsTable#flush}). A claim
 * is held by a session-level advisory lock rather than a row lock, because the range is claimed and
 * processed in two transactions and a row lock would end with the first; rather than a lease,
 * because PostgreSQL releases the advisory lock the moment the session of a dead or killed instance
 * ends, with no timing to tune and no heartbeat to miss. A range whose claim nobody holds is taken
 * over by the next worker that looks.
 * <p>
 * Only the instance holding the migration lock completes the migration: once no range is left to
 * claim, it waits for the ranges other sessions still hold, and returns holding the progress row,
 * with no range undone, in the transaction that verifies the migration and writes its history row.
 */
final class ParallelBatches {

	/** How often a run whose ranges are all claimed looks whether the other sessions are done. */
	static final Duration DRAIN_POLL = Duration.ofMillis(200);

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final AtomicInteger threads = new AtomicInteger();

	private final Connection connection;

	private final String schema;

	private final HistoryTable history;

	private final RatchetConfiguration configuration;

	private final ClaimsTable claims;

	ParallelBatches(Connection connection, String schema, HistoryTable history, RatchetConfiguration configuration) {
		this.connection = connection;
		this.schema = schema;
		this.history = history;
		this.configuration = configuration;
		this.claims = new ClaimsTable(history);
	}

	/**
	 * Runs the batches with this instance's workers until every range is done, for the instance
	 * that holds the lock.
	 * @return {@code null} when every range is done, the progress row locked in the open transaction;
	 * or the state that stopped the run: {@code PAUSED}, {@code CANCELLED} or {@code INTERRUPTED}
	 * @throws Exception the first failure of a worker, once every worker stopped
	 */
	<T> DataMigrationState run(MigrationDescriptor d, BatchedMigration<T> migration, ProgressTracker progress,
			Pacer pacer) throws Exception {
		Shared<T> shared = new Shared<>(d, migration, progress, pacer, new AtomicReference<>());
		workers(shared);
		while (shared.stopState() == null) {
			this.claims.lockCursor(this.connection, d.version());
			if (this.claims.count(this.connection, d.version()).undone() == 0) {
				return null;
			}
			this.connection.rollback();
			try {
				Thread.sleep(DRAIN_POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return DataMigrationState.INTERRUPTED;
			}
			// Takes over the ranges of a session that died meanwhile.
			worker(this.connection, shared).run();
		}
		return shared.stopState();
	}

	/**
	 * Runs this instance's workers on a migration another instance runs, until no range is left to
	 * claim or take over, or the run stops.
	 * @throws Exception the first failure of a worker, once every worker stopped
	 */
	<T> void join(MigrationDescriptor d, BatchedMigration<T> migration, ProgressTracker progress, Pacer pacer)
			throws Exception {
		workers(new Shared<>(d, migration, progress, pacer, new AtomicReference<>()));
	}

	private <T> void workers(Shared<T> shared) throws Exception {
		int count = this.configuration.getDataParallelism();
		List<Session> sessions = new ArrayList<>();
		ExecutorService pool = (count > 1) ? Executors.newFixedThreadPool(count - 1, ParallelBatches::thread) : null;
		List<Future<?>> futures = new ArrayList<>();
		Throwable failure = null;
		try {
			for (int i = 1; i < count; i++) {
				Session session = open(i, count);
				if (session == null) {
					break;
				}
				sessions.add(session);
				StatementTimeouts.apply(session, this.configuration);
				session.connection().setAutoCommit(false);
				futures.add(pool.submit(() -> stopOnFailure(session.connection(), shared)));
			}
			stopOnFailure(this.connection, shared);
		}
		catch (Exception | Error ex) {
			shared.stop(DataMigrationState.FAILED);
			failure = ex;
		}
		for (Future<?> future : futures) {
			failure = first(failure, future);
		}
		if (pool != null) {
			pool.shutdown();
		}
		for (Session session : sessions) {
			Transactions.end(session.connection());
			session.close();
		}
		if (failure instanceof Exception ex) {
			throw ex;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

	/**
	 * Opens a worker's session; when the data source has no connection to spare, the run goes on
	 * with the workers it has rather than fail.
	 */
	private Session open(int worker, int count) {
		try {
			return Session.open(this.configuration.getDataSource(), "data worker", this.schema);
		}
		catch (DatabaseConnectionException ex) {
			logger.warn("Could not open a connection for data migration worker {} of {} (ratchet.data.parallelism), "
					+ "so {} run; give the data source at least parallelism + 1 connections. {}", worker + 1, count,
					worker, ex.getMessage());
			return null;
		}
	}

	private <T> Void stopOnFailure(Connection workerConnection, Shared<T> shared) throws Exception {
		try {
			worker(workerConnection, shared).run();
			return null;
		}
		catch (Exception | Error ex) {
			// The other workers stop after their current range.
			shared.stop(DataMigrationState.FAILED);
			throw ex;
		}
	}

	private <T> ClaimWorker<T> worker(Connection workerConnection, Shared<T> shared) {
		MigrationContext context = new MigrationContext(workerConnection, this.schema);
		BatchGate gate = new BatchGate(workerConnection, context, this.history, this.configuration.getThrottles(),
				this.configuration.getDataClock());
		return new ClaimWorker<>(workerConnection, context, gate, this.claims, new FailedItemsTable(this.history),
				shared);
	}

	private static Throwable first(Throwable failure, Future<?> future) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					future.get();
					return failure;
				}
				catch (InterruptedException ex) {
					// Workers stop after their current range; their connections must not be closed under them.
					interrupted = true;
				}
				catch (ExecutionException ex) {
					return (failure != null) ? failure : ex.getCause();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Thread thread(Runnable runnable) {
		Thread thread = new Thread(runnable, "ratchet-data-worker-" + threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * What the workers of one run share: the migration, its progress, its pace, and the state that
	 * stops them, set by the first worker that stops.
	 */
	record Shared<T>(MigrationDescriptor migration, BatchedMigration<T> batched, ProgressTracker progress, Pacer pacer,
			AtomicReference<DataMigrationState> stop) {

		DataMigrationState stopState() {
			return this.stop.get();
		}

		void stop(DataMigrationState state) {
			this.stop.compareAndSet(null, state);
		}

	}

}
