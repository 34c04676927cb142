package dev.ratchet.data;

/**
 * Where a {@link BatchedMigration} stands. Until it completes, the migration itself is pending in
 * the status report (or failed, once a run of it failed), and the versions after it wait.
 */
public enum DataMigrationState {

	/** Not started yet. */
	PENDING,

	/** An instance is running it now. */
	RUNNING,

	/**
	 * Stopped part-way without failing (the process ended or shut down); the next run continues
	 * after its last committed batch.
	 */
	INTERRUPTED,

	/**
	 * Its last run failed: an item failed under fail-fast, too many items failed, the verification
	 * failed, or an error occurred. The next run continues after its last committed batch.
	 */
	FAILED,

	/** Completed, verified and recorded in the history. */
	COMPLETED,

	/**
	 * Paused by an operator ({@link DataMigrationControl#pause}): stopped after its current batch; it
	 * and the versions after it wait, on every instance and across restarts, until it is resumed.
	 */
	PAUSED,

	/**
	 * Cancelled by an operator ({@link DataMigrationControl#cancel}): stopped after its current batch
	 * and recorded as cancelled; it and the versions after it wait until it is resumed.
	 */
	CANCELLED

}
