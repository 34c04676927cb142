package dev.ratchet.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.stream.Collectors;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;

/**
 * Logs what the engine does: a line per migration, the lock holder while waiting, the progress of
 * batched data migrations every 10 seconds, a summary per run.
 */
final class LoggingListener implements MigrationListener {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	/** What a run left for later, said again in its summary: deferred or interrupted background work. */
	private volatile String leftForLater;

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
		else if (event instanceof MigrationEvent.MigrationDeferred deferred) {
			int count = deferred.waiting().size();
			this.leftForLater = deferred.migration().script()
					+ ((count == 0) ? " waits" : " and " + count + " later migration" + ((count == 1) ? "" : "s") + " wait")
					+ " for the background run";
			logger.info("Leaving {} for after start-up: it is a background data migration.{}",
					deferred.migration().script(), (count == 0) ? ""
							: " " + count + " later migration" + ((count == 1) ? " waits" : "s wait") + " for it: "
									+ deferred.waiting().stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
		else if (event instanceof MigrationEvent.DataProgressReported reported) {
			if (reported.progress().state() == DataMigrationState.INTERRUPTED) {
				this.leftForLater = reported.progress().script() + " stopped part-way and continues at the next run";
			}
			else if (reported.progress().state() == DataMigrationState.PAUSED
					|| reported.progress().state() == DataMigrationState.CANCELLED) {
				this.leftForLater = reported.progress().script() + " is " + reported.progress().state().name().toLowerCase()
						+ "; it and the versions after it wait until it is resumed";
			}
			progress(reported.progress());
		}
		else if (event instanceof MigrationEvent.RunCompleted completed) {
			MigrateResult result = completed.result();
			String later = this.leftForLater;
			this.leftForLater = null;
			if (later != null && result.appliedCount() == 0) {
				logger.info("Schema \"{}\" is at version {} ({} ms); {}", result.schema(), result.currentVersion(),
						result.duration().toMillis(), later);
			}
			else if (later != null) {
				logger.info("Applied {} migration{} to schema \"{}\", now at version {} ({} ms); {}", result.appliedCount(),
						(result.appliedCount() == 1) ? "" : "s", result.schema(), result.currentVersion(),
						result.duration().toMillis(), later);
			}
			else if (result.appliedCount() == 0) {
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

	private static void progress(DataMigrationStatus progress) {
		switch (progress.state()) {
			case RUNNING -> {
				if (progress.batches() > 0 || progress.total() != null) {
					logger.info("{}: {}{} items processed{}, {} failed{}{}", progress.script(), progress.processed(),
							(progress.total() != null) ? " of " + progress.total() : "", percent(progress),
							progress.failed(), (progress.itemsPerSecond() > 0)
									? String.format(", %.0f items/s", progress.itemsPerSecond()) : "",
							(progress.eta() != null) ? ", about " + format(progress.eta()) + " left" : "");
				}
			}
			case COMPLETED -> logger.info("{} processed {} items in {} batches{}", progress.script(),
					progress.processed(), progress.batches(), (progress.failed() > 0) ? "; " + progress.failed()
							+ " failed items are in the ledger, for --ratchet.command=retry-failed" : "");
			case INTERRUPTED -> logger.info("Stopped {} after {} items ({}): the next run continues from there",
					progress.script(), progress.processed() + progress.failed(),
					(progress.lastKey() != null) ? "last item '" + progress.lastKey() + "'" : "no batch committed");
			default -> {
				// A failure is logged with its MigrationFailed event.
			}
		}
	}

	private static String percent(DataMigrationStatus progress) {
		if (progress.total() == null || progress.total() == 0) {
			return "";
		}
		return String.format(" (%.0f%%)", 100d * (progress.processed() + progress.failed()) / progress.total());
	}

	static String format(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
	}

}
