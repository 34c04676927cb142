package dev.ratchet;

/**
 * Where a schema stands overall.
 */
public enum SchemaStatus {

	/** Every known migration is applied and valid. */
	UP_TO_DATE,

	/** Valid, with migrations waiting to be applied. */
	PENDING,

	/** A migration run is in progress. */
	RUNNING,

	/** A migration failed and blocks further runs until repaired. */
	FAILED,

	/** An applied migration changed or went missing, or pending work cannot be applied as is. */
	INVALID

}
