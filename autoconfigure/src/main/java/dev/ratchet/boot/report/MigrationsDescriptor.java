package dev.ratchet.boot.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ratchet.Inspection;
import dev.ratchet.MigrationVersion;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;
import dev.ratchet.data.DataMigrationState;

/**
 * Where a schema stands, in the shape of the {@code migrations} endpoint and of the commands'
 * JSON reports.
 * @param status the overall status
 * @param schema the migration schema
 * @param table the history table
 * @param currentVersion the newest applied version, or {@code null} when none is applied
 * @param pendingCount how many migrations {@code migrate} would apply
 * @param migrations every migration, in the order they apply
 * @param dataMigrations every batched data migration with its progress (left out of JSON when there
 * are none)
 */
public record MigrationsDescriptor(SchemaStatus status, String schema, String table, String currentVersion,
		int pendingCount, List<MigrationInfoDescriptor> migrations,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<DataMigrationDescriptor> dataMigrations) {

	public MigrationsDescriptor {
		migrations = List.copyOf(migrations);
		dataMigrations = List.copyOf(dataMigrations);
	}

	public MigrationsDescriptor(SchemaStatus status, String schema, String table, String currentVersion,
			int pendingCount, List<MigrationInfoDescriptor> migrations) {
		this(status, schema, table, currentVersion, pendingCount, migrations, List.of());
	}

	/**
	 * Describes a status report.
	 * @param report the report
	 * @return the descriptor
	 */
	public static MigrationsDescriptor of(StatusReport report) {
		return of(report, List.of());
	}

	/**
	 * Describes a status report and the progress of batched data migrations.
	 * @param report the report
	 * @param dataMigrations the batched data migrations
	 * @return the descriptor
	 */
	public static MigrationsDescriptor of(StatusReport report, List<DataMigrationDescriptor> dataMigrations) {
		return new MigrationsDescriptor(report.status(), report.schema(), report.table(),
				text(report.currentVersion()), report.pendingCount(),
				report.migrations().stream().map(MigrationInfoDescriptor::of).toList(), dataMigrations);
	}

	/**
	 * Describes where the schema stands, with pending work shown as {@link SchemaStatus#RUNNING}
	 * while a session holds the migration lock: an instance is at work on it. A background data
	 * migration that is running holds the lock too; that is pending work in progress, shown by its
	 * progress, while the application serves traffic, so the status stays {@code PENDING}.
	 * @param inspection the status report and the migration lock, read together
	 * @param dataMigrations the batched data migrations
	 * @return the descriptor
	 */
	public static MigrationsDescriptor of(Inspection inspection, List<DataMigrationDescriptor> dataMigrations) {
		MigrationsDescriptor schema = of(inspection.status(), dataMigrations);
		boolean backgroundRunning = dataMigrations.stream()
			.anyMatch((data) -> data.background() && data.state() == DataMigrationState.RUNNING);
		return (inspection.isLocked() && schema.status() == SchemaStatus.PENDING && !backgroundRunning)
				? schema.running() : schema;
	}

	/**
	 * Returns this descriptor with the status {@link SchemaStatus#RUNNING}, for while this instance
	 * is migrating.
	 * @return the descriptor
	 */
	public MigrationsDescriptor running() {
		return new MigrationsDescriptor(SchemaStatus.RUNNING, this.schema, this.table, this.currentVersion,
				this.pendingCount, this.migrations, this.dataMigrations);
	}

	static String text(MigrationVersion version) {
		return (version != null) ? version.toString() : null;
	}

}
