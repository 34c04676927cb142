package dev.ratchet.history;

import java.time.Instant;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

/**
 * One row of the history table.
 * @param installedRank order of application
 * @param version the version, {@code null} for repeatables
 * @param description the description
 * @param type the type
 * @param script the script or Java class
 * @param checksum the checksum, or {@code null}
 * @param installedBy the database user
 * @param installedOn when
 * @param executionTimeMs how long it took
 * @param success whether it succeeded
 * @param failure for a failed row, what failed (line, SQLSTATE, message); otherwise {@code null}
 * @param undoChecksum the checksum of the script that undoes it, as it was when the migration was
 * applied; {@code null} when it had none
 */
public record AppliedMigration(int installedRank, MigrationVersion version, String description, MigrationType type,
		String script, String checksum, String installedBy, Instant installedOn, int executionTimeMs, boolean success,
		String failure, String undoChecksum) {

	/**
	 * Creates a row without an undo script.
	 */
	public AppliedMigration(int installedRank, MigrationVersion version, String description, MigrationType type,
			String script, String checksum, String installedBy, Instant installedOn, int executionTimeMs,
			boolean success, String failure) {
		this(installedRank, version, description, type, script, checksum, installedBy, installedOn, executionTimeMs,
				success, failure, null);
	}

}
