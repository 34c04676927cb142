package dev.ratchet.lint.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What lint learned from the statements of a run so far: the tables it creates (which are not
 * "existing" for the risk rules) and the {@code CHECK (column IS NOT NULL)} constraints it adds
 * and validates.
 */
final class RunState {

	private final boolean lockTimeoutConfigured;

	private final Set<String> createdTables = new HashSet<>();

	private final Map<String, String> notNullChecks = new HashMap<>();

	private final Set<String> validatedNotNull = new HashSet<>();

	RunState(boolean lockTimeoutConfigured) {
		this.lockTimeoutConfigured = lockTimeoutConfigured;
	}

	/**
	 * Returns whether the configuration puts a {@code lock_timeout} on every statement of the run.
	 */
	boolean isLockTimeoutConfigured() {
		return this.lockTimeoutConfigured;
	}

	void created(String table) {
		this.createdTables.add(table);
	}

	void renamed(String table, String newName) {
		if (this.createdTables.remove(table)) {
			this.createdTables.add(newName);
		}
	}

	/**
	 * Returns whether a table existed before the run, as far as lint can tell.
	 */
	boolean isExisting(String table) {
		return !this.createdTables.contains(table);
	}

	void notNullCheck(String table, String constraint, String column, boolean validated) {
		this.notNullChecks.put(table + "." + constraint, column);
		if (validated) {
			this.validatedNotNull.add(table + "." + column);
		}
	}

	void validated(String table, String constraint) {
		String column = this.notNullChecks.get(table + "." + constraint);
		if (column != null) {
			this.validatedNotNull.add(table + "." + column);
		}
	}

	boolean hasValidatedNotNullCheck(String table, String column) {
		return this.validatedNotNull.contains(table + "." + column);
	}

}
