package dev.ratchet;

import java.time.Duration;

/**
 * Something the engine did, as told to {@link MigrationListener}s.
 */
public sealed interface MigrationEvent {

	/**
	 * A {@code migrate} run begins; it ends with {@link RunCompleted} or {@link RunFailed}.
	 */
	record RunStarted() implements MigrationEvent {
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
