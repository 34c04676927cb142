package dev.ratchet.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Compares the resolved migrations with the history: the state of each, the problems that stop
 * {@code migrate}, and the work it would do. Pure logic, no database.
 */
final class StatusCalculator {

	private final boolean outOfOrderAllowed;

	StatusCalculator(boolean outOfOrderAllowed) {
		this.outOfOrderAllowed = outOfOrderAllowed;
	}

	/**
	 * The outcome: the report, and the pending migrations in the order to apply them.
	 */
	record Outcome(StatusReport report, List<ResolvedMigration> pending) {
	}

	Outcome calculate(String schema, String table, List<ResolvedMigration> resolved, List<AppliedMigration> history,
			String schemaProblem) {
		History h = new History(history);
		List<MigrationInfo> versioned = new ArrayList<>();
		List<MigrationInfo> repeatables = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<ResolvedMigration> pending = new ArrayList<>();
		if (schemaProblem != null) {
			problems.add(schemaProblem);
		}
		MigrationVersion newestResolved = null;
		Set<MigrationVersion> resolvedVersions = new HashSet<>();
		Set<String> resolvedRepeatables = new HashSet<>();
		for (ResolvedMigration migration : resolved) {
			MigrationDescriptor d = migration.descriptor();
			if (d.type() == MigrationType.REPEATABLE) {
				resolvedRepeatables.add(d.description());
				AppliedMigration row = h.repeatables.get(d.description());
				MigrationState state = repeatableState(d, row, h.lastUndoRank, problems);
				repeatables.add(info(d, row, state));
				if (state == MigrationState.PENDING || state == MigrationState.OUTDATED) {
					pending.add(migration);
				}
				continue;
			}
			resolvedVersions.add(d.version());
			newestResolved = d.version();
			AppliedMigration row = h.versioned.get(d.version());
			AppliedMigration undone = (row == null) ? h.undone.get(d.version()) : null;
			if (undone != null) {
				// Pending again, shown with when and by whom it was undone.
				versioned.add(new MigrationInfo(d.version(), d.description(), d.type(), d.script(), d.checksum(),
						MigrationState.UNDONE, undone.installedRank(), undone.installedBy(), undone.installedOn(),
						undone.executionTimeMs()));
				pending.add(migration);
				continue;
			}
			MigrationState state = versionedState(d, row, h, problems);
			versioned.add(undoable(info(d, row, state), migration, row));
			if (state == MigrationState.PENDING || isResumable(row)) {
				pending.add(migration);
			}
		}
		for (AppliedMigration row : h.versioned.values()) {
			if (!resolvedVersions.contains(row.version())) {
				boolean newerCode = newestResolved != null && row.version().compareTo(newestResolved) > 0;
				versioned.add(unresolved(row, newerCode, problems));
			}
		}
		boolean newerCodeRan = newestResolved != null && h.currentVersion != null
				&& h.currentVersion.compareTo(newestResolved) > 0;
		for (AppliedMigration row : h.repeatables.values()) {
			if (!resolvedRepeatables.contains(row.description())) {
				repeatables.add(unresolved(row, newerCodeRan, problems));
			}
		}
		if (h.baseline != null) {
			versioned.add(info(null, h.baseline, MigrationState.BASELINE));
		}
		versioned.sort(Comparator.comparing(MigrationInfo::version));
		List<MigrationInfo> all = new ArrayList<>(versioned);
		all.addAll(repeatables);
		return new Outcome(new StatusReport(schema, table, h.currentVersion, all, problems), List.copyOf(pending));
	}

	private MigrationState versionedState(MigrationDescriptor d, AppliedMigration row, History h, List<String> problems) {
		if (row != null) {
			if (!row.success()) {
				if (!isResumable(row)) {
					problems.add(failedProblem(row));
				}
				return MigrationState.FAILED;
			}
			if (d.checksum() != null && !Objects.equals(d.checksum(), row.checksum())) {
				problems.add(d.script() + " (version " + d.version() + ") was applied on " + row.installedOn()
						+ " but has changed since (checksum " + row.checksum() + " applied, " + d.checksum()
						+ " now). Applied migrations must not be edited: revert the change and put it in a new "
						+ "migration, or, if the edit is harmless (a comment, formatting), run repair to accept it.");
				return MigrationState.CHANGED;
			}
			return h.appliedOutOfOrder.contains(d.version()) ? MigrationState.OUT_OF_ORDER : MigrationState.APPLIED;
		}
		if (h.baseline != null && d.version().compareTo(h.baseline.version()) <= 0) {
			return MigrationState.BELOW_BASELINE;
		}
		if (h.currentVersion != null && d.version().compareTo(h.currentVersion) < 0 && !this.outOfOrderAllowed) {
			problems.add(d.script() + " (version " + d.version() + ") was never applied, but the database is already at "
					+ "version " + h.currentVersion + ". Give it a version above " + h.currentVersion
					+ ", or set ratchet.out-of-order=true to apply it anyway.");
		}
		return MigrationState.PENDING;
	}

	/**
	 * Returns whether a row records the failure of a batched data migration (the only Java
	 * migrations that leave a failed row): its committed batches are consistent, so the next run
	 * resumes it, and it blocks nothing.
	 */
	private static boolean isResumable(AppliedMigration row) {
		return row != null && !row.success() && row.type() == MigrationType.JAVA;
	}

	private static MigrationState repeatableState(MigrationDescriptor d, AppliedMigration row, int lastUndoRank,
			List<String> problems) {
		if (row == null) {
			return MigrationState.PENDING;
		}
		if (!row.success()) {
			problems.add(failedProblem(row));
			return MigrationState.FAILED;
		}
		// An undo may have removed what a repeatable applied after it built on: the next migrate applies it again.
		boolean undoneSince = row.installedRank() < lastUndoRank;
		return (Objects.equals(d.checksum(), row.checksum()) && !undoneSince) ? MigrationState.APPLIED
				: MigrationState.OUTDATED;
	}

	/**
	 * Tells of an applied SQL migration whether its undo script is there and unchanged since it was applied,
	 * and of an applied Java migration whether it provides an undo (a batched data migration never does).
	 */
	private static MigrationInfo undoable(MigrationInfo info, ResolvedMigration migration, AppliedMigration row) {
		MigrationType type = migration.descriptor().type();
		if (row == null || !row.success() || (type != MigrationType.SQL && type != MigrationType.JAVA)) {
			return info;
		}
		boolean undoable = (info.state() == MigrationState.APPLIED || info.state() == MigrationState.OUT_OF_ORDER)
				&& ((migration.java() != null)
						? !(migration.java() instanceof BatchedMigration<?>) && migration.java().canUndo()
						: migration.undo() != null && Objects.equals(migration.undoChecksum(), row.undoChecksum()));
		return new MigrationInfo(info.version(), info.description(), info.type(), info.script(), info.checksum(),
				info.state(), info.installedRank(), info.installedBy(), info.installedOn(), info.executionTimeMs(),
				undoable);
	}

	private static MigrationInfo unresolved(AppliedMigration row, boolean newerCode, List<String> problems) {
		if (!row.success()) {
			problems.add(failedProblem(row));
			return info(null, row, MigrationState.FAILED);
		}
		if (newerCode) {
			// Applied by an instance running newer code (a rolling deploy): allowed, and reported.
			return info(null, row, MigrationState.APPLIED);
		}
		problems.add(row.script() + ((row.version() != null) ? " (version " + row.version() + ")" : "")
				+ " was applied on " + row.installedOn() + " but is not among the migrations found any more. "
				+ "Restore the file, or check ratchet.locations.");
		return info(null, row, MigrationState.MISSING);
	}

	private static String failedProblem(AppliedMigration row) {
		return row.script() + " failed part-way on " + row.installedOn() + " (" + row.failure() + "). It ran without a "
				+ "transaction, so the statements before the failing one stay applied. Undo or complete them by hand, "
				+ "fix the file, then run repair (--ratchet.command=repair) to remove the failed entry.";
	}

	private static MigrationInfo info(MigrationDescriptor d, AppliedMigration row, MigrationState state) {
		if (row == null) {
			return new MigrationInfo(d.version(), d.description(), d.type(), d.script(), d.checksum(), state, null,
					null, null, null);
		}
		return new MigrationInfo(row.version(), row.description(), row.type(), row.script(), row.checksum(), state,
				row.installedRank(), row.installedBy(), row.installedOn(), row.executionTimeMs());
	}

	/**
	 * The history, indexed: the latest row per version and per repeatable, the baseline, the
	 * current version, and which versions were applied after a newer one.
	 */
	private static final class History {

		final Map<MigrationVersion, AppliedMigration> versioned = new LinkedHashMap<>();

		final Map<String, AppliedMigration> repeatables = new HashMap<>();

		final Set<MigrationVersion> appliedOutOfOrder = new HashSet<>();

		/** The undo row of each version undone since it was last applied. */
		final Map<MigrationVersion, AppliedMigration> undone = new HashMap<>();

		/** The rank of the newest undo, 0 when none. */
		int lastUndoRank;

		AppliedMigration baseline;

		MigrationVersion currentVersion;

		History(List<AppliedMigration> rows) {
			for (AppliedMigration row : rows) {
				if (row.type() == MigrationType.BASELINE) {
					this.baseline = row;
				}
				else if (row.type() == MigrationType.REPEATABLE) {
					this.repeatables.put(row.description(), row);
				}
				else if (row.type().isUndo() && row.success()) {
					undo(row);
					continue;
				}
				else {
					this.versioned.put(row.version(), row);
					this.undone.remove(row.version());
				}
				if (row.success() && row.version() != null) {
					if (this.currentVersion != null && row.version().compareTo(this.currentVersion) < 0) {
						this.appliedOutOfOrder.add(row.version());
					}
					else {
						this.currentVersion = row.version();
					}
				}
			}
		}

		/**
		 * An undo takes its version out of the applied ones, and the current version back to the
		 * newest one still applied.
		 */
		private void undo(AppliedMigration row) {
			this.versioned.remove(row.version());
			this.appliedOutOfOrder.remove(row.version());
			this.undone.put(row.version(), row);
			this.lastUndoRank = row.installedRank();
			this.currentVersion = (this.baseline != null) ? this.baseline.version() : null;
			for (AppliedMigration applied : this.versioned.values()) {
				if (applied.success() && (this.currentVersion == null || applied.version().compareTo(this.currentVersion) > 0)) {
					this.currentVersion = applied.version();
				}
			}
		}

	}

}
