package dev.ratchet;

import java.time.Duration;
import java.util.List;

import dev.ratchet.lint.LintReport;

/**
 * What one {@code undo} run did.
 * @param schema the migration schema
 * @param initialVersion the newest applied version before the run, or {@code null}
 * @param currentVersion the newest applied version after the run, or {@code null}
 * @param undone the undo scripts run ({@link MigrationType#UNDO_SQL}), newest version first; empty
 * when nothing above the target was applied
 * @param lockWait how long the run waited for the lock
 * @param duration how long the whole run took
 * @param lint what lint found in the undo scripts ({@code DROP COLUMN} there is information)
 */
public record UndoResult(String schema, MigrationVersion initialVersion, MigrationVersion currentVersion,
		List<ExecutedMigration> undone, Duration lockWait, Duration duration, LintReport lint) {

	public UndoResult {
		undone = List.copyOf(undone);
		lint = (lint != null) ? lint : LintReport.EMPTY;
	}

}
