package dev.ratchet.boot.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;

/**
 * One migration in a {@link MigrationsDescriptor}. History fields are {@code null} for
 * migrations never applied; fields that are {@code null} are left out of JSON, on every surface.
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description
 * @param type the type
 * @param script the script, or Java class name
 * @param checksum the checksum
 * @param state the state
 * @param installedBy the database user that applied it
 * @param installedOn when it was applied
 * @param executionTimeMs how long it took, in milliseconds
 * @param undoable for an applied versioned SQL or Java migration, whether {@code undo} could undo it
 * (its undo script is there and unchanged since it was applied, or the Java migration provides an
 * undo and is not a batched data migration); left out for the others
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MigrationInfoDescriptor(String version, String description, MigrationType type, String script,
		String checksum, MigrationState state, String installedBy, Instant installedOn, Integer executionTimeMs,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean undoable) {

	/**
	 * Creates a descriptor that says nothing about undo.
	 */
	public MigrationInfoDescriptor(String version, String description, MigrationType type, String script,
			String checksum, MigrationState state, String installedBy, Instant installedOn, Integer executionTimeMs) {
		this(version, description, type, script, checksum, state, installedBy, installedOn, executionTimeMs, null);
	}

	/**
	 * Describes one migration of a status report.
	 * @param info the migration
	 * @return the descriptor
	 */
	public static MigrationInfoDescriptor of(MigrationInfo info) {
		return new MigrationInfoDescriptor(MigrationsDescriptor.text(info.version()), info.description(), info.type(),
				info.script(), info.checksum(), info.state(), info.installedBy(), info.installedOn(),
				info.executionTimeMs(), info.undoable());
	}

}
