package dev.ratchet.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.StatusReport;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * What an {@code undo} to a target would do, worked out before anything runs: the applied versions
 * above the target, newest first, each with its undo script, and every reason it cannot be done
 * whole. Pure logic, no database.
 * @param target the target
 * @param currentVersion the newest applied version now, or {@code null}
 * @param resultingVersion the newest applied version once the range is undone, or {@code null}
 * @param steps the undo scripts and Java undos to run, newest version first ({@link MigrationType#UNDO_SQL},
 *     {@link MigrationType#UNDO_JAVA})
 * @param problems why it cannot be done, one sentence each; empty when it can
 */
record UndoRange(Target target, MigrationVersion currentVersion, MigrationVersion resultingVersion,
		List<ResolvedMigration> steps, List<String> problems) {

	private static final Set<MigrationState> APPLIED = EnumSet.of(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER,
			MigrationState.CHANGED, MigrationState.MISSING, MigrationState.BASELINE, MigrationState.FAILED);

	static UndoRange of(Target target, List<ResolvedMigration> resolved, StatusReport report,
			List<AppliedMigration> rows) {
		List<String> problems = new ArrayList<>(report.problems());
		List<MigrationInfo> applied = report.migrations()
			.stream()
			.filter((info) -> info.version() != null && info.installedRank() != null && APPLIED.contains(info.state()))
			.sorted(Comparator.comparing(MigrationInfo::version).reversed())
			.toList();
		List<MigrationInfo> range = range(target, applied, problems);
		List<ResolvedMigration> steps = new ArrayList<>();
		for (MigrationInfo info : range) {
			ResolvedMigration migration = resolved.stream()
				.filter((candidate) -> info.version().equals(candidate.descriptor().version()))
				.findFirst()
				.orElse(null);
			String problem = problem(info, migration, row(rows, info.installedRank()));
			if (problem != null) {
				problems.add(problem);
			}
			else if (migration.java() != null) {
				MigrationDescriptor java = migration.descriptor();
				steps.add(new ResolvedMigration(new MigrationDescriptor(info.version(), java.description(),
						MigrationType.UNDO_JAVA, java.script(), java.checksum()), null, migration.java()));
			}
			else {
				SqlMigrationFile undo = migration.undo();
				steps.add(new ResolvedMigration(new MigrationDescriptor(info.version(), undo.description(),
						MigrationType.UNDO_SQL, undo.script(), undo.checksum()), undo, null));
			}
		}
		MigrationVersion resulting = applied.stream()
			.filter((info) -> !range.contains(info))
			.map(MigrationInfo::version)
			.findFirst()
			.orElse(null);
		return new UndoRange(target, report.currentVersion(), resulting, List.copyOf(steps), List.copyOf(problems));
	}

	private static List<MigrationInfo> range(Target target, List<MigrationInfo> applied, List<String> problems) {
		if (target.isLatest()) {
			problems.add("The target is latest, which undoes nothing: name the version to go back to "
					+ "(ratchet.target=<version>), or previous to undo the newest migration.");
			return List.of();
		}
		if (target.isPrevious()) {
			return applied.isEmpty() ? List.of() : applied.subList(0, 1);
		}
		MigrationVersion limit = target.version();
		if (limit == null) {
			// current: the newest applied version stays.
			return List.of();
		}
		return applied.stream().filter((info) -> info.version().compareTo(limit) > 0).toList();
	}

	private static String problem(MigrationInfo info, ResolvedMigration migration, AppliedMigration row) {
		String name = info.script() + " (version " + info.version() + ")";
		if (info.state() == MigrationState.BASELINE || info.type() == MigrationType.BASELINE) {
			return "Version " + info.version() + " is the baseline: a baseline cannot be undone. Choose a target at "
					+ "or above " + info.version() + ".";
		}
		if (info.state() == MigrationState.FAILED) {
			// Already named among the history's problems.
			return null;
		}
		if (migration == null) {
			return name + " was applied, but its file is not among the migrations found: restore it with its undo "
					+ "script, or check ratchet.locations.";
		}
		if (migration.java() instanceof BatchedMigration<?>) {
			return "Java migration " + name + " cannot be undone: a batched data migration commits batch by batch "
					+ "and has no undo. Choose a target at or above " + info.version() + ".";
		}
		if (migration.java() != null && !migration.java().canUndo()) {
			return "Java migration " + name + " cannot be undone: it has no undo (implement canUndo() and "
					+ "undo(MigrationContext) in " + migration.java().getClass().getName() + "). Choose a target at or "
					+ "above " + info.version() + ".";
		}
		if (migration.java() != null) {
			return null;
		}
		SqlMigrationFile undo = migration.undo();
		if (undo == null) {
			return name + " has no undo script: add U" + info.version() + "__<description>.sql beside it.";
		}
		if (row == null || row.undoChecksum() == null) {
			return "Undo script " + undo.script() + " was not there when " + name + " was applied"
					+ ((row != null) ? " on " + row.installedOn() : "") + ", so nothing shows that it undoes what was "
					+ "applied: undo version " + info.version() + " by hand, or choose a target at or above it.";
		}
		if (!Objects.equals(undo.checksum(), row.undoChecksum())) {
			return "Undo script " + undo.script() + " has changed since " + name + " was applied (checksum "
					+ row.undoChecksum() + " then, " + undo.checksum() + " now): an undo script must stay as it was "
					+ "when its migration was applied. Restore it.";
		}
		return null;
	}

	private static AppliedMigration row(List<AppliedMigration> rows, Integer installedRank) {
		return rows.stream().filter((row) -> row.installedRank() == installedRank).findFirst().orElse(null);
	}

}
