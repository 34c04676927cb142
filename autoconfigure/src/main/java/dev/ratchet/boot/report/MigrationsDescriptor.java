package dev.ratchet.boot.report;

import java.util.List;

import dev.ratchet.MigrationVersion;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;

/**
 * Where a schema stands, in the shape of the {@code migrations} endpoint and of the commands'
 * JSON reports.
 * @param status the overall status
 * @param schema the migration schema
 * @param table the history table
 * @param currentVersion the newest applied version, or {@code null} when none is applied
 * @param pendingCount how many migrations {@code migrate} would apply
 * @param migrations every migration, in the order they apply
 */
public record MigrationsDescriptor(SchemaStatus status, String schema, String table, String currentVersion,
		int pendingCount, List<MigrationInfoDescriptor> migrations) {

	public MigrationsDescriptor {
		migrations = List.copyOf(migrations);
	}

	/**
	 * Describes a status report.
	 * @param report the report
	 * @return the descriptor
	 */
	public static MigrationsDescriptor of(StatusReport report) {
		return new MigrationsDescriptor(report.status(), report.schema(), report.table(),
				text(report.currentVersion()), report.pendingCount(),
				report.migrations().stream().map(MigrationInfoDescriptor::of).toList());
	}

	/**
	 * Returns this descriptor with the status {@link SchemaStatus#RUNNING}, for while this instance
	 * is migrating.
	 * @return the descriptor
	 */
	public MigrationsDescriptor running() {
		return new MigrationsDescriptor(SchemaStatus.RUNNING, this.schema, this.table, this.currentVersion,
				this.pendingCount, this.migrations);
	}

	static String text(MigrationVersion version) {
		return (version != null) ? version.toString() : null;
	}

}
