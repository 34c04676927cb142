package dev.ratchet.test;

import dev.ratchet.lock.AdvisoryLock;

/**
 * The migration lock as tests outside the core see it: a PostgreSQL advisory lock whose key is
 * derived from the schema and the history table, so a test can hold it from a session of its own
 * without reaching into the core's internals.
 */
public final class MigrationLock {

	private MigrationLock() {
	}

	/**
	 * Returns the advisory lock key Ratchet uses for a history table.
	 * @param schema the schema
	 * @param table the history table's name
	 * @return the key
	 */
	public static long key(String schema, String table) {
		return AdvisoryLock.keyFor(schema, table);
	}

	/**
	 * Returns the statement that takes the migration lock of a history table and holds it for the
	 * session.
	 * @param schema the schema
	 * @param table the history table's name
	 * @return for example {@code SELECT pg_advisory_lock(123)}
	 */
	public static String lockStatement(String schema, String table) {
		return "SELECT pg_advisory_lock(" + key(schema, table) + ")";
	}

}
