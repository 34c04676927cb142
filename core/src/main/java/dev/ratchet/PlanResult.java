package dev.ratchet;

import java.time.Duration;
import java.util.List;

import dev.ratchet.lint.LintReport;

/**
 * What {@code plan} found: every pending migration in the order {@code migrate} would apply it,
 * with the outcome of running the transactional ones in one transaction that was rolled back.
 * The database is left as it was (sequences excepted: PostgreSQL never rolls back
 * {@code nextval}). Migrations after one that cannot be dry-run run without its effects, so a
 * failure there may be one {@code migrate} would not have.
 * @param schema the migration schema
 * @param currentVersion the newest applied version, or {@code null}
 * @param migrations the pending migrations, in order
 * @param lint what lint found in them
 * @param duration how long the plan took
 */
public record PlanResult(String schema, MigrationVersion currentVersion, List<PlannedMigration> migrations,
		LintReport lint, Duration duration) {

	public PlanResult {
		migrations = List.copyOf(migrations);
	}

	/**
	 * Returns whether {@code migrate} would succeed as far as the dry run can tell: no migration
	 * would fail and lint finds no error.
	 */
	public boolean wouldSucceed() {
		return !this.lint.hasErrors()
				&& this.migrations.stream().noneMatch((migration) -> migration.outcome() == PlanOutcome.WOULD_FAIL);
	}

}
