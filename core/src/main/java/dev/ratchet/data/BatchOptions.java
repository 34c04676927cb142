package dev.ratchet.data;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchedMigration} runs: batch size, failure policy, throttle and whether it runs in
 * the background. Immutable: each {@code with…} method returns a copy.
 *
 * <pre class="code">
 * return BatchOptions.defaults()
 * 	.withBatchSize(500)
 * 	.withFailurePolicy(FailurePolicy.skipUpTo(100))
 * 	.withMaxItemsPerSecond(2000);
 * </pre>
 */
public final class BatchOptions {

	/** Default number of items per batch. */
	public static final int DEFAULT_BATCH_SIZE = 1000;

	private static final BatchOptions DEFAULTS = new BatchOptions(DEFAULT_BATCH_SIZE, FailurePolicy.failFast(),
			Duration.ZERO, 0, false);

	private final int batchSize;

	private final FailurePolicy failurePolicy;

	private final Duration pauseBetweenBatches;

	private final double maxItemsPerSecond;

	private final boolean background;

	private BatchOptions(int batchSize, FailurePolicy failurePolicy, Duration pauseBetweenBatches,
			double maxItemsPerSecond, boolean background) {
		this.batchSize = batchSize;
		this.failurePolicy = failurePolicy;
		this.pauseBetweenBatches = pauseBetweenBatches;
		this.maxItemsPerSecond = maxItemsPerSecond;
		this.background = background;
	}

	/**
	 * Returns the defaults: batches of {@value #DEFAULT_BATCH_SIZE}, fail fast, no throttle, during start-up.
	 * @return the default options
	 */
	public static BatchOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns a copy with another batch size: the {@code limit} given to {@link BatchedMigration#nextBatch}.
	 * @param batchSize items per batch, at least 1
	 * @return the copy
	 */
	public BatchOptions withBatchSize(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
		}
		return new BatchOptions(batchSize, this.failurePolicy, this.pauseBetweenBatches, this.maxItemsPerSecond,
				this.background);
	}

	/**
	 * Returns a copy with another failure policy.
	 * @param failurePolicy what to do when an item fails
	 * @return the copy
	 */
	public BatchOptions withFailurePolicy(FailurePolicy failurePolicy) {
		return new BatchOptions(this.batchSize, Objects.requireNonNull(failurePolicy, "failurePolicy must not be null"),
				this.pauseBetweenBatches, this.maxItemsPerSecond, this.background);
	}

	/**
	 * Returns a copy that pauses after each committed batch, to leave the database room for other work.
	 * @param pause the pause, zero for none
	 * @return the copy
	 */
	public BatchOptions withPauseBetweenBatches(Duration pause) {
		if (pause == null || pause.isNegative()) {
			throw new IllegalArgumentException("pauseBetweenBatches must not be negative, was " + pause);
		}
		return new BatchOptions(this.batchSize, this.failurePolicy, pause, this.maxItemsPerSecond, this.background);
	}

	/**
	 * Returns a copy that processes at most this many items per second on average, pausing between
	 * batches as needed.
	 * @param maxItemsPerSecond the rate, or 0 for no limit
	 * @return the copy
	 */
	public BatchOptions withMaxItemsPerSecond(double maxItemsPerSecond) {
		if (!(maxItemsPerSecond >= 0) || Double.isInfinite(maxItemsPerSecond)) {
			throw new IllegalArgumentException("maxItemsPerSecond must be 0 (no limit) or more, was " + maxItemsPerSecond);
		}
		return new BatchOptions(this.batchSize, this.failurePolicy, this.pauseBetweenBatches, maxItemsPerSecond,
				this.background);
	}

	/**
	 * Returns a copy that runs in the background or during start-up. A background migration runs
	 * after the application is ready, under the migration lock, while the application serves
	 * traffic. The versions after it wait: they are not applied at start-up, and a later start-up
	 * applies them once it completed.
	 * @param background whether to run in the background
	 * @return the copy
	 */
	public BatchOptions withBackground(boolean background) {
		return new BatchOptions(this.batchSize, this.failurePolicy, this.pauseBetweenBatches, this.maxItemsPerSecond,
				background);
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public FailurePolicy getFailurePolicy() {
		return this.failurePolicy;
	}

	public Duration getPauseBetweenBatches() {
		return this.pauseBetweenBatches;
	}

	/**
	 * Returns the maximum rate in items per second, or 0 for no limit.
	 */
	public double getMaxItemsPerSecond() {
		return this.maxItemsPerSecond;
	}

	public boolean isBackground() {
		return this.background;
	}

	@Override
	public String toString() {
		return "batches of " + this.batchSize + ", " + this.failurePolicy
				+ (this.pauseBetweenBatches.isZero() ? "" : ", pause " + this.pauseBetweenBatches)
				+ ((this.maxItemsPerSecond > 0) ? ", at most " + this.maxItemsPerSecond + " items/s" : "")
				+ (this.background ? ", in the background" : "");
	}

}
