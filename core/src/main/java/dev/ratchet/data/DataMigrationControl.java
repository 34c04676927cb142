package dev.ratchet.data;

/**
 * Operators' control over batched data migrations, on every instance at once: the state is stored
 * in the progress table, and a run checks it before each batch. Each change is allowed only from
 * certain states, checked and made in one statement in the database, so two operators pressing
 * buttons on two instances at once end in one consistent state; each one is recorded with who made
 * it and when, and published as a {@link dev.ratchet.MigrationEvent.DataStateChanged} event.
 * <ul>
 * <li>{@link #pause pause}: from pending, running, interrupted or failed to {@link DataMigrationState#PAUSED};
 * a running migration stops after its current batch.</li>
 * <li>{@link #resume resume}: from paused or cancelled back to runnable: the next run (the
 * background runner, or the next {@code migrate}) continues after the last committed batch.</li>
 * <li>{@link #cancel cancel}: from pending, running, interrupted, failed or paused to
 * {@link DataMigrationState#CANCELLED}; a running migration stops after its current batch.</li>
 * </ul>
 * A paused or cancelled migration, and every version after it, waits (also across restarts) until
 * it is resumed. The ledger of failed items stays as it is; {@code retry-failed} processes it in any
 * state. A completed migration cannot be changed.
 */
public interface DataMigrationControl {

	/**
	 * Pauses a batched data migration.
	 * @param version the migration's version, for example {@code 6.2}
	 * @param by who pauses it (a user name, for the record), or {@code null}
	 * @return the new state, {@link DataMigrationState#PAUSED}
	 * @throws StateChangeRejectedException if its state does not allow it
	 * @throws IllegalArgumentException if no batched data migration has that version
	 */
	DataMigrationState pause(String version, String by);

	/**
	 * Resumes a paused or cancelled batched data migration: the next run continues after its last
	 * committed batch.
	 * @param version the migration's version
	 * @param by who resumes it, or {@code null}
	 * @return the new state, {@link DataMigrationState#INTERRUPTED} (ready to continue)
	 * @throws StateChangeRejectedException if its state does not allow it
	 * @throws IllegalArgumentException if no batched data migration has that version
	 */
	DataMigrationState resume(String version, String by);

	/**
	 * Cancels a batched data migration: it stops after its current batch and stays cancelled.
	 * @param version the migration's version
	 * @param by who cancels it, or {@code null}
	 * @return the new state, {@link DataMigrationState#CANCELLED}
	 * @throws StateChangeRejectedException if its state does not allow it
	 * @throws IllegalArgumentException if no batched data migration has that version
	 */
	DataMigrationState cancel(String version, String by);

}
