package dev.ratchet.internal;

import java.sql.SQLException;

import dev.ratchet.RatchetException;

/**
 * An operation that runs under the migration lock. {@link OperationRunner} opens its sessions,
 * takes the lock, calls {@link #run(Run)}, releases the lock and maps a database error to one that
 * names the action.
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

	/**
	 * Opens the session the operation works on, named after its role.
	 */
	final Session open(OperationRunner runner) {
		return runner.open(this.role);
	}

	/**
	 * Maps a database error to one that says what the operation could not do.
	 */
	final RatchetException failed(SQLException ex) {
		return OperationRunner.databaseError(this.action, ex);
	}

	/**
	 * Does the work, with the lock held.
	 * @param run the run
	 * @return the result
	 * @throws SQLException on a database error
	 */
	abstract T run(Run run) throws SQLException;

}
