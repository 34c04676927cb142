package dev.ratchet.boot.actuate;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.ratchet.Inspection;
import dev.ratchet.LockHolder;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.RatchetException;
import dev.ratchet.boot.monitor.MigrationRunTracker.LastRun;
import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.LockDescriptor;
import dev.ratchet.boot.report.LintDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;
import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.drift.DriftReport;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What the {@code migrations} endpoint returns: where the schema stands (every migration), the
 * migration lock, this instance's last run, what lint finds in the pending migrations, and drift
 * from Ratchet's snapshot. Later objects (data migrations) go beside these.
 * @param schema where the schema stands, written at the top level
 * @param lock the migration lock
 * @param lastRun how this instance's last {@code migrate} run ended, or {@code null} if it ran none
 * @param lint what lint finds in the pending migrations
 * @param drift how the schema differs from Ratchet's snapshot, or {@code null} when that is not
 * known (the comparison failed, or a run is in progress and none was made before it)
 * @param tenants where the tenants stand, or {@code null} (and left out) without tenants
 */
public record MigrationsEndpointDescriptor(@JsonUnwrapped MigrationsDescriptor schema, LockDescriptor lock,
		LastRunDescriptor lastRun, LintDescriptor lint, DriftDescriptor drift,
		@JsonInclude(JsonInclude.Include.NON_NULL) TenantsDescriptor tenants) implements OperationResponseBody {

	public MigrationsEndpointDescriptor(MigrationsDescriptor schema, LockDescriptor lock, LastRunDescriptor lastRun,
			LintDescriptor lint, DriftDescriptor drift) {
		this(schema, lock, lastRun, lint, drift, null);
	}

	MigrationsEndpointDescriptor withTenants(TenantsDescriptor tenants) {
		return new MigrationsEndpointDescriptor(this.schema, this.lock, this.lastRun, this.lint, this.drift, tenants);
	}

	static MigrationsEndpointDescriptor of(Inspection inspection, List<DataMigrationDescriptor> dataMigrations,
			boolean running, LastRun lastRun, DriftReport drift) {
		MigrationsDescriptor schema = MigrationsDescriptor.of(inspection, dataMigrations);
		return new MigrationsEndpointDescriptor(running ? schema.running() : schema,
				LockDescriptor.of(inspection.lockHolder()), (lastRun != null) ? LastRunDescriptor.of(lastRun) : null,
				LintDescriptor.of(inspection.status().lint()), (drift != null) ? DriftDescriptor.of(drift) : null);
	}

	/**
	 * How this instance's last {@code migrate} run ended.
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param appliedCount how many migrations it applied
	 * @param durationMs how long it took, in milliseconds
	 * @param failure why it failed, or {@code null} when it succeeded
	 */
	public record LastRunDescriptor(Instant startedAt, Instant finishedAt, int appliedCount, long durationMs,
			FailureDescriptor failure) {

		static LastRunDescriptor of(LastRun run) {
			return new LastRunDescriptor(run.startedAt(), run.finishedAt(), run.appliedCount(),
					run.duration().toMillis(), (run.failure() != null) ? FailureDescriptor.of(run.failure()) : null);
		}

	}

	/**
	 * Why a run failed. Never contains a credential.
	 * @param script the script at fault, or {@code null} when the run failed before applying one
	 * @param line the line of the failing statement, or {@code null} when unknown
	 * @param sqlState PostgreSQL's SQLSTATE, or {@code null}
	 * @param message the message, naming what is at fault and what to do
	 */
	public record FailureDescriptor(String script, Integer line, String sqlState, String message) {

		static FailureDescriptor of(RatchetException failure) {
			if (failure instanceof MigrationFailedException failed) {
				int line = failed.getFailure().line();
				return new FailureDescriptor(failed.getMigration().script(), (line > 0) ? line : null,
						failed.getFailure().sqlState(), failed.getMessage());
			}
			String sqlState = (failure.getCause() instanceof SQLException sql) ? sql.getSQLState() : null;
			return new FailureDescriptor(null, null, sqlState, failure.getMessage());
		}

	}

}
