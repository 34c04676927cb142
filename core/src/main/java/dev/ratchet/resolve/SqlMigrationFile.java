package dev.ratchet.resolve;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

/**
 * A SQL migration file found in a location, with what its name says and the checksum of its content.
 *
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the rest of the name with {@code _} read as a space:
 * {@code V1_2__create_session_table.sql} gives {@code create session table}
 * @param type {@link MigrationType#SQL} or {@link MigrationType#REPEATABLE}
 * @param script the path relative to the location, {@code /}-separated, for example
 * {@code chat/V3__messages.sql}
 * @param checksum the checksum of the content, see {@link Checksums}
 * @param location the location the file was found in
 * @param source opens the content again
 */
public record SqlMigrationFile(MigrationVersion version, String description, MigrationType type, String script,
		String checksum, Location location, ScriptSource source) {

	@Override
	public String toString() {
		return this.location.describe(this.script);
	}

}
