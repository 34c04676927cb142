package dev.ratchet.tenant;

import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.ratchet.Inspection;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.StatusReport;

/**
 * One tenant: a schema of the main database, or a database of its own ({@code schema} is then
 * {@code null}: the default schema of its connections).
 * @param name the tenant's name
 * @param dataSource where its connections come from
 * @param schema its schema, or {@code null}
 */
record Tenant(String name, DataSource dataSource, String schema) {

	/**
	 * Migrates a tenant, turning a failure into a result.
	 */
	static TenantResult migrate(String name, Supplier<MigrateResult> run) {
		long start = System.nanoTime();
		try {
			MigrateResult result = run.get();
			return new TenantResult(name, TenantStatus.UP_TO_DATE, result.currentVersion(), result.appliedCount(), null,
					0, null, elapsed(start));
		}
		catch (MigrationFailedException ex) {
			MigrationFailure failure = ex.getFailure();
			String error = (failure.message() != null) ? failure.message() : ex.getMessage();
			return new TenantResult(name, TenantStatus.FAILED, null, 0, ex.getMigration().script(), failure.line(),
					error, elapsed(start));
		}
		catch (RuntimeException ex) {
			String error = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			return new TenantResult(name, TenantStatus.FAILED, null, 0, null, 0, error, elapsed(start));
		}
	}

	/**
	 * Says where a tenant stands from its inspection.
	 */
	static TenantResult result(String name, Inspection inspection) {
		StatusReport report = inspection.status();
		if (inspection.isLocked()) {
			return new TenantResult(name, TenantStatus.RUNNING, report.currentVersion(), 0, firstPending(report), 0,
					"migrating, by " + inspection.lockHolder(), Duration.ZERO);
		}
		if (!report.isValid()) {
			String script = report.migrations()
				.stream()
				.filter((migration) -> migration.state() == MigrationState.FAILED)
				.map(MigrationInfo::script)
				.findFirst()
				.orElse(null);
			return new TenantResult(name, TenantStatus.FAILED, report.currentVersion(), 0, script, 0,
					String.join("; ", report.problems()), Duration.ZERO);
		}
		if (report.pendingCount() > 0) {
			return new TenantResult(name, TenantStatus.PENDING, report.currentVersion(), 0, firstPending(report), 0,
					report.pendingCount() + " pending", Duration.ZERO);
		}
		return new TenantResult(name, TenantStatus.UP_TO_DATE, report.currentVersion(), 0, null, 0, null, Duration.ZERO);
	}

	private static String firstPending(StatusReport report) {
		return report.migrations().stream().filter(MigrationInfo::isPending).map(MigrationInfo::script).findFirst()
			.orElse(null);
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
