package dev.ratchet.boot.command;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.data.RetryResult;
import dev.ratchet.boot.report.MigrationInfoDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;

/**
 * What a one-shot command did, as printed on standard output: the schema's state in the shape of
 * the {@code migrations} endpoint, plus what the command itself did. Parts that do not apply are
 * {@code null} and left out of the JSON document.
 * @param command the command, in lower case
 * @param exitCode the process exit code
 * @param schema where the schema stands, or {@code null} when it could not be read
 * @param problems what is invalid, or {@code null} when the schema could not be read
 * @param applied what {@code migrate} applied
 * @param plan what {@code migrate} would apply, for {@code plan}
 * @param note a remark about the command's limits
 * @param repair what {@code repair} changed
 * @param baseline what {@code baseline} did
 * @param retried what {@code retry-failed} did, per batched data migration with failed items
 * @param error why the command failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandReport(String command, int exitCode, @JsonUnwrapped MigrationsDescriptor schema,
		List<String> problems, List<Applied> applied, List<MigrationInfoDescriptor> plan, String note,
		Repair repair, Baseline baseline, List<Retried> retried, Error error) {

	public CommandReport(String command, int exitCode, MigrationsDescriptor schema, List<String> problems,
			List<Applied> applied, List<MigrationInfoDescriptor> plan, String note, Repair repair, Baseline baseline,
			Error error) {
		this(command, exitCode, schema, problems, applied, plan, note, repair, baseline, null, error);
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
	 * What {@code repair} changed.
	 * @param removedFailures the scripts whose failed entries were removed
	 * @param realignedChecksums the scripts whose checksums were realigned with their files
	 */
	public record Repair(List<String> removedFailures, List<String> realignedChecksums) {

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
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Error(String type, String message, String script, Integer line, String sqlState) {

		static Error of(RuntimeException ex) {
			if (ex instanceof MigrationFailedException failed) {
				return new Error(type(ex), ex.getMessage(), failed.getMigration().script(), lineOrNull(failed.getLine()),
						failed.getSqlState());
			}
			if (ex instanceof MigrationResolutionException resolution) {
				return new Error(type(ex), ex.getMessage(), resolution.getScript(), lineOrNull(resolution.getLine()),
						null);
			}
			return new Error(type(ex), String.valueOf(ex.getMessage()), null, null, null);
		}

		private static String type(RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}

		private static Integer lineOrNull(int line) {
			return (line > 0) ? line : null;
		}

	}

}
