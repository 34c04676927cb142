package dev.ratchet.tenant;

/**
 * Where a tenant stands.
 */
public enum TenantStatus {

	/** Every migration is applied. */
	UP_TO_DATE,

	/** Migrations wait to be applied. */
	PENDING,

	/** A migration failed, or the history does not match the migrations. */
	FAILED,

	/** An instance holds the tenant's migration lock right now. */
	RUNNING

}
