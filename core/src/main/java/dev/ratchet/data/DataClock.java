package dev.ratchet.data;

import java.time.Duration;

/**
 * Time as batched migrations see it: for the throttle's pauses, the rate and ETA of progress, and
 * the interval of progress reports. Tests replace it to check pacing without waiting.
 */
public interface DataClock {

	/**
	 * Returns a monotonic time in nanoseconds, as {@link System#nanoTime()} does.
	 * @return the time
	 */
	long nanoTime();

	/**
	 * Waits for the given time.
	 * @param duration how long, never negative
	 * @throws InterruptedException when interrupted, for example when the application shuts down
	 */
	void sleep(Duration duration) throws InterruptedException;

	/**
	 * Returns the system clock.
	 * @return a clock on {@link System#nanoTime()} and {@link Thread#sleep(long, int)}
	 */
	static DataClock system() {
		return SystemClock.INSTANCE;
	}

	/**
	 * The system clock.
	 */
	enum SystemClock implements DataClock {

		INSTANCE;

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
		}

	}

}
