package dev.ratchet;

import java.time.Duration;
import java.util.List;

import dev.ratchet.drift.DriftReport;
import dev.ratchet.lint.LintReport;

/**
 * What one {@code migrate} run did.
 * @param schema the migration schema
 * @param initialVersion the newest applied version before the run, or {@code null}
 * @param currentVersion the newest applied version after the run, or {@code null}
 * @param applied the migrations applied, in order
 * @param baselined whether the run recorded a baseline first
 * @param lockWait how long the run waited for the lock
 * @param duration how long the whole run took
 * @param lint the warnings lint found in the migrations the run applied
 * @param drift how the schema differed from Ratchet's snapshot when the run started: changes made
 * outside Ratchet; {@link DriftReport#NO_SNAPSHOT} when not compared (no snapshot, or a start-up with
 * nothing pending that does not compare, see {@link RatchetConfiguration.Builder#driftCheckAtStartup})
 */
public record MigrateResult(String schema, MigrationVersion initialVersion, MigrationVersion currentVersion,
		List<ExecutedMigration> applied, boolean baselined, Duration lockWait, Duration duration, LintReport lint,
		DriftReport drift) {

	public MigrateResult {
		applied = List.copyOf(applied);
		lint = (lint != null) ? lint : LintReport.EMPTY;
		drift = (drift != null) ? drift : DriftReport.NO_SNAPSHOT;
	}

	/**
	 * Creates a result without lint findings or a drift check.
	 * @param schema the migration schema
	 * @param initialVersion the newest applied version before the run, or {@code null}
	 * @param currentVersion the newest applied version after the run, or {@code null}
	 * @param applied the migrations applied, in order
	 * @param baselined whether the run recorded a baseline first
	 * @param lockWait how long the run waited for the lock
	 * @param duration how long the whole run took
	 */
	public MigrateResult(String schema, MigrationVersion initialVersion, MigrationVersion currentVersion,
			List<ExecutedMigration> applied, boolean baselined, Duration lockWait, Duration duration) {
		this(schema, initialVersion, currentVersion, applied, baselined, lockWait, duration, LintReport.EMPTY,
				DriftReport.NO_SNAPSHOT);
	}

	/**
	 * Returns how many migrations the run applied.
	 */
	public int appliedCount() {
		return this.applied.size();
	}

}
