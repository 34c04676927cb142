package dev.ratchet.boot.command;

/**
 * The one-shot commands of {@code ratchet.command}.
 */
public enum Command {

	/**
	 * List applied, pending, failed and changed migrations.
	 */
	STATUS,

	/**
	 * Check applied migrations against the files, applying nothing.
	 */
	VALIDATE,

	/**
	 * Apply pending migrations.
	 */
	MIGRATE,

	/**
	 * Print what 'migrate' would run, in order.
	 */
	PLAN,

	/**
	 * Remove failed entries and realign checksums of changed files.
	 */
	REPAIR,

	/**
	 * Record a baseline at 'ratchet.baseline-version'.
	 */
	BASELINE,

	/**
	 * Process the items in the ledger of failed items of batched data migrations again, once
	 * their cause is fixed: those that now succeed leave the ledger.
	 */
	RETRY_FAILED,

	/**
	 * Take over the history Flyway or Prisma kept (their table is left as it was), applying
	 * nothing.
	 */
	ADOPT,

	/**
	 * Undo the applied versioned migrations above 'ratchet.target' (required), newest first, with
	 * their U<version>__ scripts; refused whole, undoing nothing, when any step cannot be done.
	 */
	UNDO

}
