package dev.ratchet;

import java.util.List;

import dev.ratchet.lint.LintReport;

/**
 * Where the schema stands: every migration with its state, and every problem that would stop
 * {@code migrate}.
 * @param schema the migration schema
 * @param table the history table
 * @param currentVersion the newest applied version, or {@code null} when none is applied
 * @param migrations every migration, in the order they apply: versioned by version, then repeatables
 * @param problems what is invalid, one sentence each (empty when valid)
 * @param lint what lint finds in the pending migrations (errors there stop {@code migrate}, but
 * do not make the applied schema invalid)
 */
public record StatusReport(String schema, String table, MigrationVersion currentVersion,
		List<MigrationInfo> migrations, List<String> problems, LintReport lint) {

	public StatusReport {
		migrations = List.copyOf(migrations);
		problems = List.copyOf(problems);
		lint = (lint != null) ? lint : LintReport.EMPTY;
	}

	/**
	 * Creates a report without lint findings.
	 * @param schema the migration schema
	 * @param table the history table
	 * @param currentVersion the newest applied version, or {@code null}
	 * @param migrations every migration, in the order they apply
	 * @param problems what is invalid
	 */
	public StatusReport(String schema, String table, MigrationVersion currentVersion, List<MigrationInfo> migrations,
			List<String> problems) {
		this(schema, table, currentVersion, migrations, problems, LintReport.EMPTY);
	}

	/**
	 * Returns how many migrations {@code migrate} would apply.
	 */
	public int pendingCount() {
		return (int) this.migrations.stream().filter(MigrationInfo::isPending).count();
	}

	/**
	 * Returns whether nothing applied is changed, missing or failed and pending work can be applied.
	 */
	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/**
	 * Returns the overall status.
	 */
	public SchemaStatus status() {
		if (this.migrations.stream().anyMatch((info) -> info.state() == MigrationState.FAILED)) {
			return SchemaStatus.FAILED;
		}
		if (!isValid()) {
			return SchemaStatus.INVALID;
		}
		return (pendingCount() > 0) ? SchemaStatus.PENDING : SchemaStatus.UP_TO_DATE;
	}

}
