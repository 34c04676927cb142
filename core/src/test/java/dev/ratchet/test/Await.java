package dev.ratchet.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for work a test started in the background, for example a background data migration.
 */
public final class Await {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private Await() {
	}

	/**
	 * Polls a condition until it holds.
	 * @param condition the condition
	 * @throws AssertionError when it does not hold within 60 s
	 */
	public static void until(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + TIMEOUT.toSeconds() + " s");
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting", ex);
			}
		}
	}

}
