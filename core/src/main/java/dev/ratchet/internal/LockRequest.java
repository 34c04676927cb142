package dev.ratchet.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import dev.ratchet.MigrationEvent;
import dev.ratchet.lock.AdvisoryLock;

/**
 * How to wait for the migration lock.
 * @param timeout how long to wait
 * @param waiting told, now and then, who holds the lock and how long the wait has lasted
 * @param done asked after a wait whether the lock is still needed
 */
record LockRequest(Duration timeout, BiConsumer<String, Duration> waiting, AdvisoryLock.Done done) {

	/** How long a background run waits for the lock: as long as it takes. */
	private static final Duration PATIENCE = Duration.ofDays(3650);

	/**
	 * Waits as long as configured, telling listeners of every report.
	 */
	static LockRequest standard(Duration timeout, Events events) {
		return new LockRequest(timeout, (holder, waited) -> events.publish(new MigrationEvent.LockWaiting(holder, waited)),
				() -> false);
	}

	/**
	 * Waits as long as it takes, telling listeners once: a background run may wait behind another
	 * instance's background run for hours.
	 */
	static LockRequest patient(Events events) {
		AtomicBoolean told = new AtomicBoolean();
		return new LockRequest(PATIENCE, (holder, waited) -> {
			if (told.compareAndSet(false, true)) {
				events.publish(new MigrationEvent.LockWaiting(holder, waited));
			}
		}, () -> false);
	}

	/**
	 * Returns this request, giving up the wait once {@code done} says the lock is no longer needed.
	 */
	LockRequest until(AdvisoryLock.Done done) {
		return new LockRequest(this.timeout, this.waiting, done);
	}

}
