package dev.ratchet.internal;

import java.util.OptionalLong;

import dev.ratchet.data.FailurePolicy;
import dev.ratchet.history.FailedItemsTable;

/**
 * What a run of a batched migration tells when it fails: the threshold of failed items, a cursor
 * that does not advance, and what stays of the migration.
 */
final class RunOutcomes {

	private RunOutcomes() {
	}

	static boolean exceeded(FailurePolicy policy, ProgressTracker progress) {
		Long total = progress.total();
		return policy.isExceeded(progress.failed(), progress.processed() + progress.failed(),
				(total != null) ? OptionalLong.of(total) : OptionalLong.empty());
	}

	/**
	 * Fails the run when a batch added failed items and there are now more than the policy allows.
	 */
	static void checkFailures(FailurePolicy policy, ProgressTracker progress, FailedItemsTable ledger,
			BatchProcessor.Outcome outcome) throws BatchRunFailure {
		if (!outcome.failures().isEmpty() && exceeded(policy, progress)) {
			throw new BatchRunFailure(tooManyFailures(policy, progress, ledger.getQualifiedName()), null);
		}
	}

	static String tooManyFailures(FailurePolicy policy, ProgressTracker progress, String ledger) {
		return progress.failed() + " items failed, more than its failure policy allows (" + policy + "). They are "
				+ "in " + ledger + " with their errors: fix the cause, then process them "
				+ "again with --ratchet.command=retry-failed, or raise the threshold";
	}

	static String notAdvancing(String last, String cursor) {
		return "nextBatch(context, after, limit) returned items up to key " + ((last != null) ? "'" + last + "'" : "null")
				+ ", which does not come after the cursor " + ((cursor != null) ? "'" + cursor + "'" : "(the start)")
				+ ". Return only items whose key comes after 'after', in key order (for example WHERE id > :after "
				+ "ORDER BY id LIMIT :limit), and a non-null key from keyOf; otherwise the migration never ends";
	}

	static String consequence(ProgressTracker progress, String ledger) {
		if (progress == null || progress.lastKey() == null) {
			return "No batch of it was committed; the next run starts it from the beginning. Fix the cause and start "
					+ "again: no repair is needed.";
		}
		return "Its committed batches stay applied (" + progress.processed() + " items processed"
				+ ((progress.failed() > 0) ? ", " + progress.failed() + " in the ledger of failed items "
						+ ledger : "")
				+ "); the next run continues after item '" + progress.lastKey() + "'. Fix the cause and start again: "
				+ "no repair is needed.";
	}

}
