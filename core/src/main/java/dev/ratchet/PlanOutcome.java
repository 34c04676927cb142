package dev.ratchet;

/**
 * What {@code plan} found out about one pending migration.
 */
public enum PlanOutcome {

	/**
	 * It ran inside the dry-run transaction without error, deferred constraints and triggers included.
	 */
	WOULD_SUCCEED,

	/**
	 * It failed inside the dry-run transaction; the dry run stopped there.
	 */
	WOULD_FAIL,

	/**
	 * It runs without a transaction, or is a batched data migration that commits batch by batch,
	 * so it cannot be dry-run and was skipped; or it cannot be dry-run in one transaction with the
	 * migrations before it (it uses an enum value one of them adds), which {@code migrate}, committing
	 * each migration, does not mind.
	 */
	CANNOT_DRY_RUN,

	/**
	 * An earlier migration would fail, so it was not tried.
	 */
	NOT_REACHED

}
