package dev.ratchet.boot.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ratchet.Ratchet;
import dev.ratchet.StatusReport;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;

/**
 * One batched data migration in a {@link MigrationsDescriptor}: where it stands, how far it got, and
 * the first items of its ledger of failed items.
 * @param version the version
 * @param description the description
 * @param script the class name
 * @param state where it stands
 * @param background whether it runs in the background, after the application is ready
 * @param processed items processed successfully
 * @param failed items in the ledger of failed items
 * @param total items to process, when the migration counts them
 * @param batches batches committed
 * @param lastKey the key after which the next batch starts
 * @param itemsPerSecond the rate so far
 * @param etaSeconds the estimated seconds to completion, when known
 * @param startedOn when its first run started
 * @param updatedOn when its last batch was committed
 * @param completedOn when it completed
 * @param failure why its last run failed
 * @param waiting the versions waiting for this background migration to complete
 * @param failedItems the oldest items of its ledger of failed items, or the page asked for
 * @param changedBy who made the last state change (pause, resume, cancel, repair), when known
 * @param changedOn when the last state change was made
 */
public record DataMigrationDescriptor(String version, String description, String script, DataMigrationState state,
		boolean background, long processed, long failed, Long total, long batches, String lastKey,
		double itemsPerSecond, Long etaSeconds, Instant startedOn, Instant updatedOn, Instant completedOn,
		String failure, List<String> waiting, List<FailedItemDescriptor> failedItems,
		@JsonInclude(JsonInclude.Include.NON_NULL) String changedBy,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instant changedOn) {

	public DataMigrationDescriptor {
		waiting = List.copyOf(waiting);
		failedItems = List.copyOf(failedItems);
	}

	/**
	 * Describes every batched migration the engine knows, with the first items of the ledgers that
	 * have any: one query (none without batched migrations), and one more per migration with failed
	 * items.
	 * @param ratchet the engine
	 * @param status the status report just read
	 * @param failedItems how many items of each ledger to show
	 * @return the descriptors, in version order
	 */
	public static List<DataMigrationDescriptor> of(Ratchet ratchet, StatusReport status, int failedItems) {
		return ratchet.dataMigrations(status)
			.stream()
			.map((migration) -> of(migration, (migration.failed() > 0)
					? ratchet.failedItems(migration.version().toString(), failedItems) : List.of()))
			.toList();
	}

	/**
	 * Describes one batched migration.
	 * @param status its status
	 * @param failedItems items of its ledger to show
	 * @return the descriptor
	 */
	public static DataMigrationDescriptor of(DataMigrationStatus status, List<FailedItem> failedItems) {
		return new DataMigrationDescriptor(status.version().toString(), status.description(), status.script(),
				status.state(), status.background(), status.processed(), status.failed(), status.total(),
				status.batches(), status.lastKey(), Math.round(status.itemsPerSecond() * 10) / 10d,
				(status.eta() != null) ? status.eta().toSeconds() : null, status.startedOn(), status.updatedOn(),
				status.completedOn(), status.failure(), status.waiting().stream().map(Object::toString).toList(),
				failedItems.stream().map(FailedItemDescriptor::of).toList(), status.changedBy(), status.changedOn());
	}

	/**
	 * One item of a ledger of failed items.
	 * @param key the item's key
	 * @param error why it failed last time
	 * @param attempts how many times it failed
	 * @param failedOn when it failed first
	 * @param lastAttemptOn when it failed last
	 */
	public record FailedItemDescriptor(String key, String error, int attempts, Instant failedOn,
			Instant lastAttemptOn) {

		static FailedItemDescriptor of(FailedItem item) {
			return new FailedItemDescriptor(item.key(), item.error(), item.attempts(), item.failedOn(),
					item.lastAttemptOn());
		}

	}

}
