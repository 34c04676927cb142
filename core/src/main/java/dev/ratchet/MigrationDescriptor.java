package dev.ratchet;

/**
 * Names one migration: enough to log it, report it or tag a metric with it.
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type the type
 * @param script the script path relative to its location, or the class name of a Java migration
 * @param checksum the checksum of the current file or class, or {@code null}
 */
public record MigrationDescriptor(MigrationVersion version, String description, MigrationType type, String script,
		String checksum) {

	/**
	 * Returns how logs and messages name this migration: its script.
	 */
	@Override
	public String toString() {
		return this.script;
	}

}
