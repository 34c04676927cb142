package dev.ratchet;

import java.time.Instant;

/**
 * One migration as a status report sees it: what was resolved, what the history says, and the
 * resulting state. History fields are {@code null} for migrations never applied.
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type the type
 * @param script the script, or Java class name
 * @param checksum the checksum recorded in the history, else that of the resolved migration
 * @param state the state
 * @param installedRank the order of application, or {@code null}
 * @param installedBy the database user that applied it, or {@code null}
 * @param installedOn when it was applied, or {@code null}
 * @param executionTimeMs how long it took, or {@code null}
 * @param undoable for an applied versioned migration, whether {@code undo} could undo it: its undo
 * script exists and is unchanged since it was applied, or, for a Java migration, it provides an undo
 * ({@link JavaMigration#canUndo()}) and is not a batched data migration; {@code null} for the others
 */
public record MigrationInfo(MigrationVersion version, String description, MigrationType type, String script,
		String checksum, MigrationState state, Integer installedRank, String installedBy, Instant installedOn,
		Integer executionTimeMs, Boolean undoable) {

	/**
	 * Creates an entry that says nothing about undo.
	 */
	public MigrationInfo(MigrationVersion version, String description, MigrationType type, String script,
			String checksum, MigrationState state, Integer installedRank, String installedBy, Instant installedOn,
			Integer executionTimeMs) {
		this(version, description, type, script, checksum, state, installedRank, installedBy, installedOn,
				executionTimeMs, null);
	}

	/**
	 * Returns whether this migration is work that {@code migrate} would do.
	 */
	public boolean isPending() {
		return this.state == MigrationState.PENDING || this.state == MigrationState.OUTDATED
				|| this.state == MigrationState.UNDONE;
	}

}
