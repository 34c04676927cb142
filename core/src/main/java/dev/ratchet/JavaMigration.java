package dev.ratchet;

/**
 * A migration written in Java, for data changes that SQL alone expresses badly. It runs in
 * version order among the SQL migrations ({@code V2} SQL, then Java {@code 2.1}, then {@code V3}
 * SQL), inside one transaction together with its history row.
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

}
