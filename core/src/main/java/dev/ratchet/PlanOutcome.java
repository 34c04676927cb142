package dev.ratchet;

/**
 * What {@code plan} found out about one pending migration.
 */
public enum PlanOutcome {

	/**
	 * It ran inside the dry-run transaction without error.
	 */
	WOULD_SUCCEED,

	/**
	 * It failed inside the dry-run transaction; the dry run stopped there.
	 */
	WOULD_FAIL,

	/**
	 * It runs without a transaction, so it cannot be dry-run and was skipped.
	 */
	CANNOT_DRY_RUN,

	/**
	 * An earlier migration would fail, so it was not tried.
	 */
	NOT_REACHED

}
