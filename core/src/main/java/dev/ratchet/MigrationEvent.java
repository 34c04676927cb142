package dev.ratchet;

import java.time.Duration;
import java.util.List;

import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;

/**
 * Something the engine did, as told to {@link MigrationListener}s.
 */
public sealed interface MigrationEvent {

	/**
	 * A {@code migrate} run begins; it ends with {@link RunCompleted} or {@link RunFailed}.
	 * @param background whether it is a run of background data migrations
	 * ({@link Ratchet#migrateBackground()}), which goes on while the application serves traffic
	 */
	record RunStarted(boolean background) implements MigrationEvent {

		/**
		 * A run in the foreground.
		 */
		public RunStarted() {
			this(false);
		}

	}

	/**
	 * Another session holds the lock; sent when waiting starts and then periodically.
	 * @param holder who holds it (pid, application name, client address, since when)
	 * @param waited how long this instance has waited so far
	 */
	record LockWaiting(String holder, Duration waited) implements MigrationEvent {
	}

	/**
	 * This instance holds the lock.
	 * @param waited how long it waited for it
	 */
	record LockAcquired(Duration waited) implements MigrationEvent {
	}

	/**
	 * A migration is about to run.
	 * @param migration the migration
	 */
	record MigrationStarted(MigrationDescriptor migration) implements MigrationEvent {
	}

	/**
	 * A migration was applied and recorded.
	 * @param migration the migration
	 * @param duration how long it took
	 */
	record MigrationApplied(MigrationDescriptor migration, Duration duration) implements MigrationEvent {
	}

	/**
	 * A migration failed.
	 * @param migration the migration
	 * @param duration how long it ran before failing
	 * @param failure what went wrong
	 */
	record MigrationFailed(MigrationDescriptor migration, Duration duration,
			MigrationFailedException failure) implements MigrationEvent {
	}

	/**
	 * A pending background data migration is left for after start-up; the versions after it wait
	 * for it to complete.
	 * @param migration the background migration
	 * @param waiting the pending migrations after it
	 */
	record MigrationDeferred(MigrationDescriptor migration, List<MigrationDescriptor> waiting)
			implements MigrationEvent {

		public MigrationDeferred {
			waiting = List.copyOf(waiting);
		}

	}

	/**
	 * A batch of a batched data migration was committed, together with its cursor and counters; also
	 * sent for each page of failed items that {@code retry-failed} processed again.
	 * @param migration the migration
	 * @param processed items of this batch processed successfully
	 * @param failed items of this batch recorded in the ledger of failed items
	 * @param progress the migration's progress after the batch
	 */
	record DataBatchCommitted(MigrationDescriptor migration, int processed, int failed,
			DataMigrationStatus progress) implements MigrationEvent {
	}

	/**
	 * Progress of a running batched data migration: sent when a run starts, every 10 seconds while
	 * it runs, and when it ends.
	 * @param migration the migration
	 * @param progress its progress
	 */
	record DataProgressReported(MigrationDescriptor migration, DataMigrationStatus progress)
			implements MigrationEvent {
	}

	/**
	 * An operator changed the state of a batched data migration (paused, resumed or cancelled it).
	 * @param migration the migration
	 * @param action {@code pause}, {@code resume} or {@code cancel}
	 * @param state its new state
	 * @param changedBy who changed it, or {@code null} if unknown
	 */
	record DataStateChanged(MigrationDescriptor migration, String action, DataMigrationState state, String changedBy)
			implements MigrationEvent {
	}

	/**
	 * A {@code migrate} run ended successfully.
	 * @param result what it did
	 */
	record RunCompleted(MigrateResult result) implements MigrationEvent {
	}

	/**
	 * A {@code migrate} run ended with an exception.
	 * @param failure what went wrong
	 * @param duration how long the run took
	 */
	record RunFailed(RatchetException failure, Duration duration) implements MigrationEvent {
	}

	/**
	 * The history was read and compared with the migrations, for a status report or a validation.
	 * Sent on every read, so keep handling it cheap.
	 * @param report where the schema stands
	 */
	record StatusChecked(StatusReport report) implements MigrationEvent {
	}

}
