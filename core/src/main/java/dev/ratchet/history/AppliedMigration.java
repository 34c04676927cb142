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
 */
public record AppliedMigration(int installedRank, MigrationVersion version, String description, MigrationType type,
		String script, String checksum, String installedBy, Instant installedOn, int executionTimeMs, boolean success,
		String failure) {
}
