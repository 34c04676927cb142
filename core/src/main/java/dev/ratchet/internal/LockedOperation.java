package dev.ratchet.internal;

import java.sql.SQLException;

/**
 * An operation that runs under the migration lock. {@link OperationRunner} opens its sessions,
 * takes the lock, calls {@link #run(Run)}, releases the lock and maps a database error to one that
 * names the {@link #action()}.
 * @param <T> what the operation returns
 */
abstract class LockedOperation<T> {

	private final String role;

	private final String action;

	/**
	 * @param role the role of the work session, shown in its {@code application_name}
	 * @param action what the operation does, for error messages: "Ratchet could not <action>: …"
	 */
	LockedOperation(String role, String action) {
		this.role = role;
		this.action = action;
	}

	final String role() {
		return this.role;
	}

	final String action() {
		return this.action;
	}

	/**
	 * Does the work, with the lock held.
	 * @param run the run
	 * @return the result
	 * @throws SQLException on a database error
	 */
	abstract T run(Run run) throws SQLException;

}
