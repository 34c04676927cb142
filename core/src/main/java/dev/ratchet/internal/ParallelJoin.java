package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.history.ClaimsTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.history.ProgressTable.Progress;
import dev.ratchet.lock.AdvisoryLock;

/**
 * Lets an instance that waits for the migration lock help the instance holding it: when that one
 * runs a batched migration in claimed ranges ({@link ParallelBatches}), the waiter's workers claim
 * ranges of it too, on the waiting run's work session and connections of their own, until no range
 * is left. Completing the migration stays with the lock holder. Asked after every wait for the lock;
 * it never gives up the wait.
 */
final class ParallelJoin implements AdvisoryLock.Done {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final RatchetConfiguration configuration;

	private final Events events;

	private final Session session;

	private final RunTarget target;

	private final List<ResolvedMigration> resolved;

	private final Set<MigrationVersion> leftAlone = new HashSet<>();

	ParallelJoin(RatchetConfiguration configuration, Events events, Session session, RunTarget target,
			List<ResolvedMigration> resolved) {
		this.configuration = configuration;
		this.events = events;
		this.session = session;
		this.target = target;
		this.resolved = resolved;
	}

	@Override
	public boolean done() {
		for (ResolvedMigration migration : this.resolved) {
			if (migration.java() instanceof BatchedMigration<?> batched
					&& !this.leftAlone.contains(migration.descriptor().version())) {
				try {
					help(migration.descriptor(), batched);
				}
				catch (SQLException ex) {
					// Helping is optional: the wait for the lock goes on regardless.
					logger.debug("Could not look for ranges of {} to claim", migration.descriptor().script(), ex);
				}
			}
		}
		return false;
	}

	private <T> void help(MigrationDescriptor d, BatchedMigration<T> migration) throws SQLException {
		Connection connection = this.session.connection();
		ClaimsTable claims = new ClaimsTable(this.target.history());
		if (claims.count(connection, d.version()).all() == 0) {
			return;
		}
		ProgressTable progressTable = new ProgressTable(this.target.history());
		Progress start = progressTable.read(connection, d.version());
		if (start == null || !DataMigrationState.RUNNING.name().equals(start.state())) {
			return;
		}
		logger.info("{}: helping the instance that runs it, with {} worker(s)", d.script(),
				this.configuration.getDataParallelism());
		ProgressTracker progress = new ProgressTracker(d, migration.options().isBackground(), start,
				this.configuration.getDataClock(), this.events);
		try {
			connection.setAutoCommit(false);
			new ParallelBatches(connection, this.target.schema(), this.target.history(), this.configuration).join(d,
					migration, progress, new Pacer(migration.options(), this.configuration.getDataClock(),
							progress.runStart()));
		}
		catch (Exception ex) {
			// The failing range was rolled back and its claim given up: the lock holder meets it too,
			// and records the failure once.
			this.leftAlone.add(d.version());
			logger.warn("{}: stopped helping the instance that runs it ({}); that one goes on with the range",
					d.script(), DataErrors.describe(ex));
		}
		finally {
			Transactions.end(connection);
		}
	}

}
