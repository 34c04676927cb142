package dev.ratchet.boot.command;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.PlanOutcome;
import dev.ratchet.PlannedMigration;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.DriftDescriptor.DifferenceDescriptor;
import dev.ratchet.boot.report.LintDescriptor;
import dev.ratchet.boot.report.LockDescriptor;
import dev.ratchet.data.RetryResult;
import dev.ratchet.boot.report.MigrationsDescriptor;
import dev.ratchet.boot.report.TenantsDescriptor;

/**
 * What a one-shot command did, as printed on standard output: the schema's state in the shape of
 * the {@code migrations} endpoint, plus what the command itself did. Parts that do not apply are
 * {@code null} and left out of the JSON document.
 * @param command the command, in lower case
 * @param exitCode the process exit code
 * @param schema where the schema stands, or {@code null} when it could not be read
 * @param lock the migration lock, for {@code status}: a session holding it is another instance at
 * work on the schema
 * @param problems what is invalid, or {@code null} when the schema could not be read
 * @param lint what lint found: in the pending migrations, or for {@code migrate} in the migrations
 * it applied
 * @param drift how the schema differs from Ratchet's snapshot, for {@code status}, and for
 * {@code migrate} as it was when the run started
 * @param applied what {@code migrate} applied
 * @param plan what {@code migrate} would apply, in order, and how each fared in the dry run, for
 * {@code plan}
 * @param repair what {@code repair} changed
 * @param baseline what {@code baseline} did
 * @param retried what {@code retry-failed} did, per batched data migration with failed items
 * @param error why the command failed
 * @param adoption what {@code adopt} took over
 * @param tenants where the tenants stand, each of them, when there are tenants
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandReport(String command, int exitCode, @JsonUnwrapped MigrationsDescriptor schema,
		LockDescriptor lock, List<String> problems, LintDescriptor lint, DriftDescriptor drift, List<Applied> applied,
		List<Planned> plan, Repair repair, Baseline baseline, List<Retried> retried, Error error, Adoption adoption,
		TenantsDescriptor tenants) {

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, LockDescriptor lock,
			List<String> problems, LintDescriptor lint, DriftDescriptor drift, List<Applied> applied,
			List<Planned> plan, Repair repair, Baseline baseline, List<Retried> retried, Error error,
			Adoption adoption) {
		this(command, exitCode, schema, lock, problems, lint, drift, applied, plan, repair, baseline, retried, error,
				adoption, null);
	}

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, List<String> problems,
			LintDescriptor lint, DriftDescriptor drift, List<Applied> applied, List<Planned> plan, Repair repair,
			Baseline baseline, List<Retried> retried, Error error, Adoption adoption) {
		this(command, exitCode, schema, null, problems, lint, drift, applied, plan, repair, baseline, retried, error,
				adoption);
	}

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, LockDescriptor lock,
			List<String> problems, LintDescriptor lint, DriftDescriptor drift, List<Applied> applied,
			List<Planned> plan, Repair repair, Baseline baseline, List<Retried> retried, Error error) {
		this(command, exitCode, schema, lock, problems, lint, drift, applied, plan, repair, baseline, retried, error,
				null);
	}

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, List<String> problems,
			LintDescriptor lint, DriftDescriptor drift, List<Applied> applied, List<Planned> plan, Repair repair,
			Baseline baseline, List<Retried> retried, Error error) {
		this(command, exitCode, schema, null, problems, lint, drift, applied, plan, repair, baseline, retried, error,
				null);
	}

	/**
	 * Returns this report with the tenants' part, and the worse of the two exit codes.
	 * @param tenants where the tenants stand after the command
	 * @param tenantsExitCode the worst exit code over the tenants
	 * @return the report
	 */
	CommandReport withTenants(TenantsDescriptor tenants, int tenantsExitCode) {
		return new CommandReport(this.command, Math.max(this.exitCode, tenantsExitCode), this.schema, this.lock,
				this.problems, this.lint, this.drift, this.applied, this.plan, this.repair, this.baseline, this.retried,
				this.error, this.adoption, tenants);
	}

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, List<String> problems,
			LintDescriptor lint, DriftDescriptor drift, List<Applied> applied, List<Planned> plan, Repair repair,
			Baseline baseline, Error error) {
		this(command, exitCode, schema, problems, lint, drift, applied, plan, repair, baseline, null, error, null);
	}

	/**
	 * What {@code adopt} took over.
	 * @param tool {@code Flyway} or {@code Prisma}, or {@code null} when nothing was adopted
	 * @param table the foreign history table, or {@code null} when nothing was adopted
	 * @param adopted how many rows became Ratchet's history
	 * @param changed scripts whose file no longer matches the recorded checksum
	 * @param failed scripts the other tool recorded as failed or unfinished
	 * @param notes rows left out and why, or why nothing was adopted
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Adoption(String tool, String table, int adopted, List<String> changed, List<String> failed,
			List<String> notes) {

		static Adoption of(dev.ratchet.AdoptResult result) {
			return new Adoption(result.tool(), result.table(), result.adopted(), result.changed(), result.failed(),
					result.notes());
		}

	}

	/**
	 * A migration that {@code migrate} applied.
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type the type
	 * @param script the script, or Java class name
	 * @param executionTimeMs how long it took, in milliseconds
	 */
	public record Applied(String version, String description, MigrationType type, String script,
			long executionTimeMs) {

	}

	/**
	 * A pending migration as the dry run of {@code plan} saw it.
	 * @param version the version, or {@code null} for a repeatable migration
	 * @param description the description
	 * @param type the type
	 * @param script the script, or Java class name
	 * @param outcome {@code WOULD_SUCCEED}, {@code WOULD_FAIL}, {@code CANNOT_DRY_RUN} or
	 * {@code NOT_REACHED}
	 * @param executionTimeMs how long it ran in the dry run, in milliseconds
	 * @param reason why it would fail, cannot be dry-run or was not reached, as a sentence
	 * @param failure PostgreSQL's error, when it would fail
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Planned(String version, String description, MigrationType type, String script, PlanOutcome outcome,
			long executionTimeMs, String reason, Failure failure) {

		static Planned of(PlannedMigration planned) {
			MigrationFailure failure = planned.failure();
			return new Planned(Objects.toString(planned.migration().version(), null),
					planned.migration().description(), planned.migration().type(), planned.migration().script(),
					planned.outcome(), planned.executionTime().toMillis(), planned.reason(),
					(failure != null) ? new Failure(lineOrNull(failure.line()), failure.sqlState(), failure.message(),
							failure.statement(), failure.hint()) : null);
		}

	}

	/**
	 * How a migration failed in the dry run.
	 * @param line the line of the failing statement, if known
	 * @param sqlState PostgreSQL's SQLSTATE, if any
	 * @param message PostgreSQL's message, or the Java migration's
	 * @param statement an excerpt of the failing statement, if known
	 * @param hint how to fix it, for errors Ratchet knows a fix for
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Failure(Integer line, String sqlState, String message, String statement, String hint) {

	}

	/**
	 * What {@code repair} changed.
	 * @param removedFailures the scripts whose failed entries were removed
	 * @param realignedChecksums the scripts whose checksums were realigned with their files
	 * @param acceptedDrift the differences from Ratchet's snapshot that repair accepted as the new
	 * snapshot
	 * @param completedCancelled the scripts of the cancelled data migrations recorded as completed
	 * @param leftCancelled the cancelled data migrations left cancelled, each with how to record it as completed
	 */
	public record Repair(List<String> removedFailures, List<String> realignedChecksums,
			List<DifferenceDescriptor> acceptedDrift, List<String> completedCancelled, List<String> leftCancelled) {

	}

	/**
	 * What {@code baseline} did.
	 * @param version the baseline version
	 * @param created whether a baseline was recorded, rather than found already there
	 */
	public record Baseline(String version, boolean created) {

	}

	/**
	 * What {@code retry-failed} did for one batched data migration.
	 * @param version the migration's version
	 * @param script the migration's class name
	 * @param attempted failed items processed again
	 * @param succeeded items that now succeed, removed from the ledger
	 * @param stillFailing items that failed again, kept in the ledger with their new error
	 * @param notFound items that no longer exist, removed from the ledger
	 */
	public record Retried(String version, String script, long attempted, long succeeded, long stillFailing,
			long notFound) {

		static Retried of(RetryResult.Retried retried) {
			return new Retried(retried.version().toString(), retried.script(), retried.attempted(),
					retried.succeeded(), retried.stillFailing(), retried.notFound());
		}

	}

	/**
	 * Why a command failed. Never contains a credential.
	 * @param type the kind of failure, for example {@code MigrationFailedException}
	 * @param message the message, naming what is at fault and what to do
	 * @param script the script at fault, if known
	 * @param line the line at fault, if known
	 * @param sqlState PostgreSQL's SQLSTATE, if any
	 * @param hint how to fix the error, for errors Ratchet knows a fix for
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Error(String type, String message, String script, Integer line, String sqlState, String hint) {

		static Error of(RuntimeException ex) {
			if (ex instanceof MigrationFailedException failed) {
				MigrationFailure failure = failed.getFailure();
				return new Error(type(ex), ex.getMessage(), failed.getMigration().script(), lineOrNull(failure.line()),
						failure.sqlState(), failure.hint());
			}
			if (ex instanceof MigrationResolutionException resolution) {
				return new Error(type(ex), ex.getMessage(), resolution.getScript(), lineOrNull(resolution.getLine()),
						null, null);
			}
			return new Error(type(ex), String.valueOf(ex.getMessage()), null, null, null, null);
		}

		private static String type(RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}

	}

	private static Integer lineOrNull(int line) {
		return (line > 0) ? line : null;
	}

}
