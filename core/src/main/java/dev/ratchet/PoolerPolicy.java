package dev.ratchet;

/**
 * What Ratchet does when its migration connection goes through a connection pooler in
 * transaction mode (PgBouncer, Supavisor, Neon's pooler), where consecutive transactions may run
 * on different server sessions, so a session lock does not keep other instances out.
 */
public enum PoolerPolicy {

	/**
	 * Refuse to take the lock, and say to point Ratchet at the direct URL.
	 */
	FAIL,

	/**
	 * Log a warning and go on.
	 */
	WARN

}
