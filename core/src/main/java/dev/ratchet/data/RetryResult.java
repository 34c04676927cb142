package dev.ratchet.data;

import java.util.List;

import dev.ratchet.MigrationVersion;

/**
 * What {@code retry-failed} did: for each batched migration with items in the ledger, how many it
 * processed again, how many now succeed (and left the ledger), and how many still fail.
 * @param migrations one entry per batched migration that had failed items, in version order
 */
public record RetryResult(List<Retried> migrations) {

	public RetryResult {
		migrations = List.copyOf(migrations);
	}

	/**
	 * Returns how many items now succeed, over all migrations.
	 */
	public long succeeded() {
		return this.migrations.stream().mapToLong(Retried::succeeded).sum();
	}

	/**
	 * Returns how many items still fail and stay in the ledger, over all migrations.
	 */
	public long stillFailing() {
		return this.migrations.stream().mapToLong(Retried::stillFailing).sum();
	}

	/**
	 * The retry of one migration's failed items.
	 * @param version the migration's version
	 * @param script the migration's class name
	 * @param attempted items taken from the ledger
	 * @param succeeded items that now succeed, removed from the ledger
	 * @param stillFailing items that fail again, kept in the ledger with the new error
	 * @param notFound items that {@link BatchedMigration#find} no longer returns (deleted meanwhile),
	 * removed from the ledger
	 */
	public record Retried(MigrationVersion version, String script, long attempted, long succeeded, long stillFailing,
			long notFound) {
	}

}
