package dev.ratchet.data;

import dev.ratchet.RatchetException;

/**
 * A state change of a batched data migration is not allowed from the state it is in, for example
 * resuming a migration that is not paused, or pausing a completed one.
 */
public class StateChangeRejectedException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final String action;

	private final DataMigrationState state;

	public StateChangeRejectedException(String message, String action, DataMigrationState state) {
		super(message);
		this.action = action;
		this.state = state;
	}

	/**
	 * Returns the change that was refused: {@code pause}, {@code resume} or {@code cancel}.
	 */
	public String getAction() {
		return this.action;
	}

	/**
	 * Returns the state the migration is in.
	 */
	public DataMigrationState getState() {
		return this.state;
	}

}
