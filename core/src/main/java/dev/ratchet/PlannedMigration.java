package dev.ratchet;

import java.time.Duration;

/**
 * One pending migration as {@code plan} saw it.
 * @param migration the migration
 * @param outcome what the dry run found
 * @param executionTime how long it ran in the dry run, {@link Duration#ZERO} when it did not run
 * @param reason why it cannot be dry-run, or was not reached, or the whole error message when it
 * would fail; {@code null} when it would succeed
 * @param failure the parts of the error when it would fail, else {@code null}
 */
public record PlannedMigration(MigrationDescriptor migration, PlanOutcome outcome, Duration executionTime,
		String reason, MigrationFailure failure) {

}
