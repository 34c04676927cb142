package dev.ratchet.internal;

import java.time.Duration;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataClock;

/**
 * The throttle of a batched migration: after each committed batch, waits for the configured pause,
 * or longer if needed to keep the run's average rate at or below the configured maximum.
 */
final class Pacer {

	private final Duration pause;

	private final double maxItemsPerSecond;

	private final DataClock clock;

	private final long runStart;

	Pacer(BatchOptions options, DataClock clock, long runStart) {
		this.pause = options.getPauseBetweenBatches();
		this.maxItemsPerSecond = options.getMaxItemsPerSecond();
		this.clock = clock;
		this.runStart = runStart;
	}

	/**
	 * Returns how long to wait now.
	 * @param items items handled so far in this run, failed ones included
	 * @return the wait, zero for none
	 */
	Duration delay(long items) {
		Duration wait = this.pause;
		if (this.maxItemsPerSecond > 0) {
			long due = this.runStart + (long) (items / this.maxItemsPerSecond * 1_000_000_000d);
			Duration untilDue = Duration.ofNanos(due - this.clock.nanoTime());
			if (untilDue.compareTo(wait) > 0) {
				wait = untilDue;
			}
		}
		return wait;
	}

	/**
	 * Waits as long as {@link #delay} says.
	 * @param items items handled so far in this run
	 * @throws InterruptedException when interrupted while waiting
	 */
	void pace(long items) throws InterruptedException {
		Duration wait = delay(items);
		if (!wait.isZero() && !wait.isNegative()) {
			this.clock.sleep(wait);
		}
	}

}
