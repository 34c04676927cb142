package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;

/**
 * Replaces what Ratchet does during start-up in mode {@code migrate}, which by default is
 * {@link Ratchet#migrateUntilBackground()} followed, once the application is ready, by
 * {@link Ratchet#migrateBackground()}. For example, validate first and migrate only outside
 * production. With a strategy, background data migrations are not run after start-up: call
 * {@link Ratchet#migrate()} to run them inline.
 * Contract: called once, during context refresh and before any bean that uses the database is
 * created; an exception it throws fails the start-up.
 */
@FunctionalInterface
public interface RatchetMigrationStrategy {

	/**
	 * Brings the schema to where the application needs it.
	 * @param ratchet the engine
	 */
	void migrate(Ratchet ratchet);

}
