package dev.ratchet.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;

/**
 * Logs what the engine does: a line per migration, the lock holder while waiting, a summary per run.
 */
final class LoggingListener implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	@Override
	public void onEvent(MigrationEvent event) {
		if (event instanceof MigrationEvent.LockWaiting waiting) {
			logger.warn("Waiting for the migration lock ({} s so far); held by {}", waiting.waited().toSeconds(),
					(waiting.holder() != null) ? waiting.holder() : "a session that just released it");
		}
		else if (event instanceof MigrationEvent.MigrationStarted started) {
			logger.info("Applying {}", started.migration().script());
		}
		else if (event instanceof MigrationEvent.MigrationApplied applied) {
			logger.info("Applied {} in {} ms", applied.migration().script(), applied.duration().toMillis());
		}
		else if (event instanceof MigrationEvent.MigrationFailed failed) {
			logger.error(failed.failure().getMessage());
		}
		else if (event instanceof MigrationEvent.RunCompleted completed) {
			MigrateResult result = completed.result();
			if (result.appliedCount() == 0) {
				logger.info("Schema \"{}\" is up to date at version {} ({} ms)", result.schema(),
						result.currentVersion(), result.duration().toMillis());
			}
			else {
				logger.info("Applied {} migration{} to schema \"{}\", now at version {} ({} ms)", result.appliedCount(),
						(result.appliedCount() == 1) ? "" : "s", result.schema(), result.currentVersion(),
						result.duration().toMillis());
			}
		}
	}

}
