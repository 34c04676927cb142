package dev.ratchet.internal;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * A migration the engine can apply: a SQL file or a Java migration, with its descriptor.
 * @param descriptor how it is named and recorded
 * @param file the SQL file, or {@code null} for a Java migration
 * @param java the Java migration, or {@code null} for a SQL file
 * @param undo the script that undoes it ({@code U<version>__…}), or {@code null}
 */
record ResolvedMigration(MigrationDescriptor descriptor, SqlMigrationFile file, JavaMigration java,
		SqlMigrationFile undo) {

	ResolvedMigration(MigrationDescriptor descriptor, SqlMigrationFile file, JavaMigration java) {
		this(descriptor, file, java, null);
	}

	/**
	 * Returns the checksum of the undo script, recorded with the migration, or {@code null}.
	 */
	String undoChecksum() {
		return (this.undo != null) ? this.undo.checksum() : null;
	}

}
