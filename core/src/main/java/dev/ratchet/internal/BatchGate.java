package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;
import dev.ratchet.data.BatchThrottle;
import dev.ratchet.data.DataClock;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.history.DataStates;
import dev.ratchet.history.HistoryTable;

/**
 * Asked by a batched migration's run before each batch: whether an operator paused or cancelled it
 * (on any instance: the state is read from the progress table, in the batch's transaction), and
 * whether a {@link BatchThrottle} says to back off, in which case it waits, with no transaction
 * open, and asks both again.
 */
final class BatchGate {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	/** The longest wait before the stored state is read again, so a pause is seen while throttled. */
	static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

	/** The back-off when a throttle fails. */
	static final Duration FAILED_THROTTLE_BACK_OFF = Duration.ofSeconds(10);

	private final Connection connection;

	private final MigrationContext context;

	private final DataStates states;

	private final List<BatchThrottle> throttles;

	private final DataClock clock;

	BatchGate(Connection connection, MigrationContext context, HistoryTable history, List<BatchThrottle> throttles,
			DataClock clock) {
		this.connection = connection;
		this.context = context;
		this.states = new DataStates(history);
		this.throttles = throttles;
		this.clock = clock;
	}

	/**
	 * Waits while a throttle says so, then returns the state that stops the run, or {@code null} to
	 * run the next batch in the transaction the state was read in.
	 * @throws InterruptedException when interrupted while waiting
	 */
	DataMigrationState await(MigrationDescriptor migration) throws SQLException, InterruptedException {
		String throttledBy = null;
		while (true) {
			Wait wait = backOff(migration);
			DataMigrationState stop = stopState(migration.version());
			if (stop != null || wait == null) {
				if (throttledBy != null && stop == null) {
					logger.info("{}: the throttle lets batches run again", migration.script());
				}
				return stop;
			}
			this.connection.rollback();
			if (!wait.reason().equals(throttledBy)) {
				logger.info("{}: backing off for {} ({})", migration.script(), LoggingListener.format(wait.duration()),
						wait.reason());
				throttledBy = wait.reason();
			}
			Duration sleep = (wait.duration().compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait.duration();
			this.clock.sleep(sleep);
		}
	}

	/**
	 * Returns the state that stops the run, {@code PAUSED} or {@code CANCELLED}, or {@code null} to go on.
	 */
	DataMigrationState stopState(MigrationVersion version) throws SQLException {
		String state = this.states.read(this.connection, version);
		if (DataMigrationState.PAUSED.name().equals(state)) {
			return DataMigrationState.PAUSED;
		}
		if (DataMigrationState.CANCELLED.name().equals(state)) {
			return DataMigrationState.CANCELLED;
		}
		return null;
	}

	private Wait backOff(MigrationDescriptor migration) throws SQLException {
		if (this.throttles.isEmpty()) {
			return null;
		}
		Wait longest = null;
		for (BatchThrottle throttle : this.throttles) {
			Duration duration;
			try {
				duration = throttle.backOff(this.context, migration);
			}
			catch (Exception ex) {
				logger.warn("{}: throttle {} failed ({}); backing off for {} s", migration.script(), throttle,
						DataErrors.describe(ex), FAILED_THROTTLE_BACK_OFF.toSeconds());
				duration = FAILED_THROTTLE_BACK_OFF;
			}
			finally {
				this.connection.rollback();
			}
			if (duration != null && !duration.isNegative() && !duration.isZero()
					&& (longest == null || duration.compareTo(longest.duration()) > 0)) {
				longest = new Wait(duration, String.valueOf(throttle));
			}
		}
		return longest;
	}

	private record Wait(Duration duration, String reason) {
	}

}
