package dev.ratchet.data;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;

/**
 * Thrown when a {@link BatchedMigration} fails: an item under fail-fast, too many failed items, a
 * failing verification, or an error. The batches committed before stay applied, and a failed
 * history row records the failure; the next run continues after the last committed batch, with no
 * repair needed.
 */
public class DataMigrationFailedException extends MigrationFailedException {

	private static final long serialVersionUID = 1L;

	private final String itemKey;

	private final String lastKey;

	private final long processed;

	private final long failed;

	/**
	 * Creates a new instance.
	 * @param message the whole message
	 * @param migration the migration
	 * @param reason what went wrong, in short (the item's error, the threshold, the verification)
	 * @param sqlState the SQLSTATE, or {@code null}
	 * @param itemKey the key of the failing item, or {@code null} when no single item failed
	 * @param lastKey the key after which the next run continues, or {@code null} to start from the beginning
	 * @param processed items processed over all runs
	 * @param failed items in the ledger
	 * @param cause the cause, or {@code null}
	 */
	public DataMigrationFailedException(String message, MigrationDescriptor migration, String reason, String sqlState,
			String itemKey, String lastKey, long processed, long failed, Throwable cause) {
		super(message, migration, new MigrationFailure(0, sqlState, reason, null, null), false, cause);
		this.itemKey = itemKey;
		this.lastKey = lastKey;
		this.processed = processed;
		this.failed = failed;
	}

	/**
	 * Returns the key of the failing item, or {@code null} when the failure is not an item's.
	 */
	public String getItemKey() {
		return this.itemKey;
	}

	/**
	 * Returns the key after which the next run continues, or {@code null} when it starts from the beginning.
	 */
	public String getLastKey() {
		return this.lastKey;
	}

	public long getProcessed() {
		return this.processed;
	}

	public long getFailed() {
		return this.failed;
	}

}
