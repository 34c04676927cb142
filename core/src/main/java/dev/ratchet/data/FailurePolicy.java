package dev.ratchet.data;

import java.util.OptionalLong;

/**
 * What a {@link BatchedMigration} does when an item fails: fail at once (the default), or record the
 * item in the ledger of failed items and go on, up to a threshold. Over the threshold the migration
 * fails; the items recorded so far stay in the ledger, for {@code retry-failed} once the cause is fixed.
 */
public final class FailurePolicy {

	private static final FailurePolicy FAIL_FAST = new FailurePolicy(-1, -1);

	private final long maxCount;

	private final double maxRatio;

	private FailurePolicy(long maxCount, double maxRatio) {
		this.maxCount = maxCount;
		this.maxRatio = maxRatio;
	}

	/**
	 * The first failing item fails the migration; its batch is rolled back. The default.
	 * @return the policy
	 */
	public static FailurePolicy failFast() {
		return FAIL_FAST;
	}

	/**
	 * Failing items are recorded in the ledger and skipped, as long as at most {@code maxFailedItems}
	 * of them are in the ledger.
	 * @param maxFailedItems how many failed items are tolerated
	 * @return the policy
	 */
	public static FailurePolicy skipUpTo(long maxFailedItems) {
		if (maxFailedItems < 0) {
			throw new IllegalArgumentException("maxFailedItems must not be negative, was " + maxFailedItems);
		}
		return new FailurePolicy(maxFailedItems, -1);
	}

	/**
	 * Failing items are recorded in the ledger and skipped, as long as they are at most this share
	 * of the items: of the {@link BatchedMigration#total total} when the migration gives one, else of
	 * the items seen so far (checked after each batch).
	 * @param maxFailedRatio the tolerated share, between 0 and 1, for example 0.01 for 1%
	 * @return the policy
	 */
	public static FailurePolicy skipUpToRatio(double maxFailedRatio) {
		if (!(maxFailedRatio >= 0 && maxFailedRatio <= 1)) {
			throw new IllegalArgumentException("maxFailedRatio must be between 0 and 1, was " + maxFailedRatio);
		}
		return new FailurePolicy(-1, maxFailedRatio);
	}

	/**
	 * Returns whether failing items are skipped and recorded, rather than failing the migration.
	 */
	public boolean isSkipping() {
		return this.maxCount >= 0 || this.maxRatio >= 0;
	}

	/**
	 * Returns whether this many failed items exceed the threshold.
	 * @param failed items in the ledger
	 * @param seen items processed or failed so far
	 * @param total the migration's total, when known
	 * @return whether the migration must fail
	 */
	public boolean isExceeded(long failed, long seen, OptionalLong total) {
		if (!isSkipping()) {
			return failed > 0;
		}
		if (this.maxCount >= 0) {
			return failed > this.maxCount;
		}
		long base = Math.max(seen, total.orElse(0));
		return base > 0 && (double) failed / base > this.maxRatio;
	}

	@Override
	public String toString() {
		if (this.maxCount >= 0) {
			return "skip up to " + this.maxCount + " failed items";
		}
		if (this.maxRatio >= 0) {
			return "skip up to " + (this.maxRatio * 100) + "% failed items";
		}
		return "fail fast";
	}

}
