package dev.ratchet.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.RatchetConfiguration;

/**
 * Tries a transactional migration again when it failed only because a statement gave up waiting
 * for a lock ({@code lock_timeout}, SQLSTATE 55P03): it was rolled back whole, so another attempt
 * after a pause (doubling each time) is safe and often succeeds once a long transaction ends.
 * @param retries how many times to try again at the most
 * @param delay the pause before the first retry
 */
record LockRetry(int retries, Duration delay) {

	static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	static LockRetry of(RatchetConfiguration configuration) {
		return new LockRetry(configuration.getLockRetries(), configuration.getLockRetryDelay());
	}

	/**
	 * Runs an attempt, and runs it again after a lock timeout while retries are left.
	 * @param migration the migration the attempt applies
	 * @param attempt applies the migration in a transaction of its own
	 */
	void run(MigrationDescriptor migration, Runnable attempt) {
		for (int retry = 1;; retry++) {
			try {
				attempt.run();
				return;
			}
			catch (MigrationFailedException ex) {
				if (retry > this.retries || !ex.isTransactional() || !LOCK_NOT_AVAILABLE.equals(ex.getFailure().sqlState())) {
					throw ex;
				}
				Duration pause = pause(retry);
				logger.warn("{} timed out waiting for a lock and was rolled back; retry {} of {} in {} ms",
						migration.script(), retry, this.retries, pause.toMillis());
				sleep(pause, ex);
			}
		}
	}

	private Duration pause(int retry) {
		// Doubling stops growing after 2^10: past that, the configured retries are better spent waiting.
		return this.delay.multipliedBy(1L << Math.min(retry - 1, 10));
	}

	private static void sleep(Duration pause, MigrationFailedException failure) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

}
