package dev.ratchet;

/**
 * The kind of a migration, as recorded in the {@code type} column of the history table.
 */
public enum MigrationType {

	/** A versioned SQL file, {@code V<version>__<description>.sql}. */
	SQL,

	/** A Java migration: a {@link JavaMigration} with a version. */
	JAVA,

	/** A repeatable SQL file, {@code R__<description>.sql}, applied again whenever it changes. */
	REPEATABLE,

	/** A baseline marker: migrations at or below its version are treated as already applied. */
	BASELINE,

	/**
	 * An undo of a versioned SQL migration, {@code U<version>__<description>.sql}: its history row
	 * records that the migration of that version was undone.
	 */
	UNDO_SQL,

	/**
	 * An undo of a Java migration, by its {@link JavaMigration#undo(MigrationContext)}: its history
	 * row records that the migration of that version was undone.
	 */
	UNDO_JAVA;

	/**
	 * Returns whether migrations of this type carry a version.
	 */
	public boolean isVersioned() {
		return this != REPEATABLE;
	}

	/**
	 * Returns whether this type records an undo ({@link #UNDO_SQL} or {@link #UNDO_JAVA}).
	 */
	public boolean isUndo() {
		return this == UNDO_SQL || this == UNDO_JAVA;
	}

}
