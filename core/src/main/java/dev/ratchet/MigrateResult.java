package dev.ratchet;

import java.time.Duration;
import java.util.List;

/**
 * What one {@code migrate} run did.
 * @param schema the migration schema
 * @param initialVersion the newest applied version before the run, or {@code null}
 * @param currentVersion the newest applied version after the run, or {@code null}
 * @param applied the migrations applied, in order
 * @param baselined whether the run recorded a baseline first
 * @param lockWait how long the run waited for the lock
 * @param duration how long the whole run took
 */
public record MigrateResult(String schema, MigrationVersion initialVersion, MigrationVersion currentVersion,
		List<ExecutedMigration> applied, boolean baselined, Duration lockWait, Duration duration) {

	public MigrateResult {
		applied = List.copyOf(applied);
	}

	/**
	 * Returns how many migrations the run applied.
	 */
	public int appliedCount() {
		return this.applied.size();
	}

}
