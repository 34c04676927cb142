package dev.ratchet;

/**
 * A migration written in Java, for data changes that SQL alone expresses badly. It runs in
 * version order among the SQL migrations ({@code V2} SQL, then Java {@code 2.1}, then {@code V3}
 * SQL), inside one transaction together with its history row.
 * <p>
 * A migration may also be undone: override {@link #canUndo()} to return {@code true} and
 * {@link #undo(MigrationContext)} to reverse what {@link #migrate(MigrationContext)} did. An
 * {@code undo} then runs it, newest version first, in one transaction together with its
 * {@link MigrationType#UNDO_JAVA} history row. A {@link dev.ratchet.data.BatchedMigration} is never
 * undone, whatever these methods say: it commits batch by batch, so no one transaction can take it
 * back.
 */
public interface JavaMigration {

	/**
	 * Returns the version, in the same form as a SQL file's ({@code 2.1}, {@code 2025.10.24}).
	 */
	String version();

	/**
	 * Returns a short description, recorded in the history table.
	 */
	String description();

	/**
	 * Returns a checksum of this migration's logic, so that an edited migration is reported as
	 * changed, or {@code null} (the default) when it has none.
	 */
	default String checksum() {
		return null;
	}

	/**
	 * Applies the migration. Do not commit or roll back the connection: Ratchet commits the
	 * migration together with its history row, or rolls both back if this method throws.
	 * @param context access to the database
	 * @throws Exception any failure; the migration is then rolled back and reported as failed
	 */
	void migrate(MigrationContext context) throws Exception;

	/**
	 * Returns whether this migration can be undone by {@link #undo(MigrationContext)}; {@code false}
	 * by default, and an {@code undo} that reaches this version is then refused before anything
	 * runs.
	 */
	default boolean canUndo() {
		return false;
	}

	/**
	 * Undoes the migration, when {@link #canUndo()} returns {@code true}. As with
	 * {@link #migrate(MigrationContext)}, do not commit or roll back the connection: Ratchet commits
	 * the undo together with its history row, or rolls both back if this method throws, and the
	 * migration then stays applied.
	 * @param context access to the database
	 * @throws Exception any failure; the undo is then rolled back and reported as failed
	 */
	default void undo(MigrationContext context) throws Exception {
		throw new UnsupportedOperationException("Java migration " + getClass().getName() + " has no undo");
	}

}
