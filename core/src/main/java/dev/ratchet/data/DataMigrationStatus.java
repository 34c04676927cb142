package dev.ratchet.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ratchet.MigrationVersion;

/**
 * Progress of one {@link BatchedMigration}: a snapshot for endpoints, health, logs and metrics.
 * @param version the version
 * @param description the description
 * @param script the class name
 * @param state where it stands
 * @param background whether it runs in the background, after the application is ready
 * @param processed items processed successfully, over all runs
 * @param failed items in the ledger of failed items
 * @param total items to process, when the migration counts them, else {@code null}
 * @param batches batches committed, over all runs
 * @param lastKey the key of the last item of the last committed batch: the next run continues after it
 * @param itemsPerSecond the rate over the time spent running so far, or 0 before the first batch
 * @param eta the estimated time to completion, when the total and the rate are known, else {@code null}
 * @param startedOn when its first run started, or {@code null} if it never ran
 * @param updatedOn when its last batch was committed, or {@code null}
 * @param completedOn when it completed, or {@code null}
 * @param failure why its last run failed, or {@code null}
 * @param waiting the versions that wait for this background migration to complete (empty unless
 * it is a pending background migration)
 * @param changedBy who made the last state change (pause, resume, cancel, or {@code repair}), or
 * {@code null} if nobody did or it was not said
 * @param changedOn when the last state change was made, or {@code null} if none was
 */
public record DataMigrationStatus(MigrationVersion version, String description, String script,
		DataMigrationState state, boolean background, long processed, long failed, Long total, long batches,
		String lastKey, double itemsPerSecond, Duration eta, Instant startedOn, Instant updatedOn, Instant completedOn,
		String failure, List<MigrationVersion> waiting, String changedBy, Instant changedOn) {

	public DataMigrationStatus {
		waiting = List.copyOf(waiting);
	}

	/**
	 * Creates a snapshot without a state change: what a run reports as it goes, knowing nothing of
	 * operators' changes.
	 */
	public DataMigrationStatus(MigrationVersion version, String description, String script, DataMigrationState state,
			boolean background, long processed, long failed, Long total, long batches, String lastKey,
			double itemsPerSecond, Duration eta, Instant startedOn, Instant updatedOn, Instant completedOn,
			String failure, List<MigrationVersion> waiting) {
		this(version, description, script, state, background, processed, failed, total, batches, lastKey,
				itemsPerSecond, eta, startedOn, updatedOn, completedOn, failure, waiting, null, null);
	}

	/**
	 * Returns whether this migration is a background migration that is pending, running or was
	 * interrupted, and has not failed: the application may serve traffic meanwhile.
	 */
	public boolean isBackgroundWorkInProgress() {
		return this.background && (this.state == DataMigrationState.PENDING || this.state == DataMigrationState.RUNNING
				|| this.state == DataMigrationState.INTERRUPTED);
	}

}
