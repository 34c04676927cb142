package dev.ratchet;

/**
 * Where one migration stands, comparing the migrations Ratchet resolved with the history table.
 */
public enum MigrationState {

	/** Applied successfully and unchanged since. */
	APPLIED,

	/** Not applied yet. */
	PENDING,

	/**
	 * Applied without a transaction and failed part-way; later runs stop until {@code repair}. For a
	 * batched data migration: its last run failed; the next run resumes it after its last committed
	 * batch, with no repair needed.
	 */
	FAILED,

	/** Applied, but its file has changed since (checksum differs). */
	CHANGED,

	/** Applied, but no migration with its version exists any more. */
	MISSING,

	/** Applied after a newer version had already been applied. */
	OUT_OF_ORDER,

	/** The baseline marker itself. */
	BASELINE,

	/** At or below the baseline version, so never applied. */
	BELOW_BASELINE,

	/** A repeatable migration whose file changed since it was last applied; it will be applied again. */
	OUTDATED,

	/** Applied, then undone ({@code undo}): pending again, {@code migrate} applies it anew. */
	UNDONE

}
