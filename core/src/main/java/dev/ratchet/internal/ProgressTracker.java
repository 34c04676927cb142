package dev.ratchet.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.data.DataClock;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.history.ProgressTable.Progress;

/**
 * Counts what a run of a batched migration did on top of what earlier runs did, and turns it into
 * {@link DataMigrationStatus} snapshots: one per committed batch for listeners, and a report when
 * the run starts, every {@link #REPORT_INTERVAL} while it runs, and when it ends. The workers of a
 * parallel run share one tracker, so it is synchronized.
 */
final class ProgressTracker {

	static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

	private final MigrationDescriptor migration;

	private final boolean background;

	private final DataClock clock;

	private final Events events;

	private final long runStart;

	private final Instant startedOn;

	private final long elapsedBefore;

	private Long total;

	private long processed;

	private long failed;

	private long batches;

	private String lastKey;

	private long runItems;

	private long lastBatchAt;

	private long lastReportAt;

	private Instant updatedOn;

	ProgressTracker(MigrationDescriptor migration, boolean background, Progress start, DataClock clock,
			Events events) {
		this.migration = migration;
		this.background = background;
		this.clock = clock;
		this.events = events;
		this.runStart = clock.nanoTime();
		this.lastBatchAt = this.runStart;
		this.lastReportAt = this.runStart;
		this.startedOn = start.startedOn();
		this.total = start.total();
		this.elapsedBefore = start.elapsedMs();
		this.processed = start.processed();
		this.failed = start.failed();
		this.batches = start.batches();
		this.lastKey = start.lastKey();
		this.updatedOn = start.updatedOn();
	}

	synchronized long runStart() {
		return this.runStart;
	}

	synchronized long processed() {
		return this.processed;
	}

	synchronized long failed() {
		return this.failed;
	}

	synchronized Long total() {
		return this.total;
	}

	synchronized void total(long total) {
		this.total = total;
	}

	synchronized long batches() {
		return this.batches;
	}

	/**
	 * Returns the time spent running, this run and earlier ones.
	 */
	synchronized Duration totalElapsed() {
		return Duration.ofMillis(this.elapsedBefore).plusNanos(this.clock.nanoTime() - this.runStart);
	}

	synchronized String lastKey() {
		return this.lastKey;
	}

	synchronized long runItems() {
		return this.runItems;
	}

	/**
	 * Returns the milliseconds since the previous batch (or the run's start) and starts counting anew.
	 */
	synchronized long takeElapsedMillis() {
		long now = this.clock.nanoTime();
		long millis = Duration.ofNanos(now - this.lastBatchAt).toMillis();
		this.lastBatchAt = now;
		return millis;
	}

	/**
	 * Counts a committed batch and tells listeners.
	 */
	synchronized void batchCommitted(int processedItems, int failedItems, String key) {
		this.processed += processedItems;
		this.failed += failedItems;
		this.runItems += processedItems + failedItems;
		this.batches++;
		this.lastKey = key;
		this.updatedOn = Instant.now();
		this.events.publish(new MigrationEvent.DataBatchCommitted(this.migration, processedItems, failedItems,
				snapshot(DataMigrationState.RUNNING, null)));
		long now = this.clock.nanoTime();
		if (now - this.lastReportAt >= REPORT_INTERVAL.toNanos()) {
			report(DataMigrationState.RUNNING, null);
		}
	}

	/**
	 * Counts a page of failed items processed again by {@code retry-failed}, and tells listeners.
	 * @param succeeded items that now succeed
	 * @param failedAgain items that failed again
	 * @param removed items removed from the ledger (succeeded, or gone)
	 * @param rowState the migration's state in the progress table
	 */
	synchronized void retried(int succeeded, int failedAgain, int removed, String rowState) {
		this.processed += succeeded;
		this.failed -= removed;
		this.updatedOn = Instant.now();
		DataMigrationState state = switch (rowState) {
			case "COMPLETED" -> DataMigrationState.COMPLETED;
			case "FAILED" -> DataMigrationState.FAILED;
			case "PAUSED" -> DataMigrationState.PAUSED;
			case "CANCELLED" -> DataMigrationState.CANCELLED;
			default -> DataMigrationState.INTERRUPTED;
		};
		this.events.publish(new MigrationEvent.DataBatchCommitted(this.migration, succeeded, failedAgain,
				snapshot(state, null)));
	}

	/**
	 * Tells listeners where the migration stands now.
	 */
	synchronized void report(DataMigrationState state, String failure) {
		this.lastReportAt = this.clock.nanoTime();
		this.events.publish(new MigrationEvent.DataProgressReported(this.migration, snapshot(state, failure)));
	}

	synchronized DataMigrationStatus snapshot(DataMigrationState state, String failure) {
		double seconds = (this.clock.nanoTime() - this.runStart) / 1e9;
		double rate = (seconds > 0 && this.runItems > 0) ? this.runItems / seconds : 0;
		return new DataMigrationStatus(this.migration.version(), this.migration.description(), this.migration.script(),
				state, this.background, this.processed, this.failed, this.total, this.batches, this.lastKey, rate,
				eta(this.total, this.processed + this.failed, rate), this.startedOn, this.updatedOn,
				(state == DataMigrationState.COMPLETED) ? Instant.now() : null, failure, List.of());
	}

	static Duration eta(Long total, long done, double rate) {
		if (total == null || rate <= 0) {
			return null;
		}
		return Duration.ofMillis((long) (Math.max(0, total - done) / rate * 1000));
	}

}
