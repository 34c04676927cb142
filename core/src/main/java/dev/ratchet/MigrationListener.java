package dev.ratchet;

/**
 * Receives the engine's events: each run's start and end, lock waiting and acquired, each migration
 * started, applied or failed, and each status check. Logs, metrics and health are listeners.
 * <p>
 * Contract: called synchronously on the migrating thread, so keep it quick. An exception thrown
 * here is logged and otherwise ignored: a listener never breaks a run or keeps the lock held.
 */
@FunctionalInterface
public interface MigrationListener {

	/**
	 * Handles one event.
	 * @param event the event; switch on its type
	 */
	void onEvent(MigrationEvent event);

}
