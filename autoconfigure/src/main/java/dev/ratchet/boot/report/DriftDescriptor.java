package dev.ratchet.boot.report;

import java.time.Instant;
import java.util.List;

import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.drift.SchemaDifference.Change;
import dev.ratchet.drift.SchemaObjectKind;

/**
 * How the live schema differs from the snapshot Ratchet keeps of it: changes made outside
 * Ratchet's migrations, for the commands' reports and the {@code migrations} endpoint.
 * @param drifted whether the schema differs from the snapshot
 * @param snapshotTakenOn when the snapshot was taken, or {@code null} when there is none yet (no
 * {@code migrate} run has recorded one), so drift could not be checked
 * @param differences the differences, by kind then name
 */
public record DriftDescriptor(boolean drifted, Instant snapshotTakenOn, List<DifferenceDescriptor> differences) {

	public DriftDescriptor {
		differences = List.copyOf(differences);
	}

	/**
	 * Describes a drift report.
	 * @param report the report
	 * @return the descriptor
	 */
	public static DriftDescriptor of(DriftReport report) {
		return new DriftDescriptor(report.isDrifted(), report.snapshotTakenOn(), differences(report.differences()));
	}

	/**
	 * Describes schema differences.
	 * @param differences the differences
	 * @return their descriptors, in the same order
	 */
	public static List<DifferenceDescriptor> differences(List<SchemaDifference> differences) {
		return differences.stream().map(DifferenceDescriptor::of).toList();
	}

	/**
	 * One object that differs from the snapshot.
	 * @param kind what kind of object, for example {@code COLUMN}
	 * @param name its name; columns, constraints and triggers as {@code table.name}
	 * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
	 * @param before its definition in the snapshot, or {@code null} when added
	 * @param after its live definition, or {@code null} when removed
	 */
	public record DifferenceDescriptor(SchemaObjectKind kind, String name, Change change, String before,
			String after) {

		static DifferenceDescriptor of(SchemaDifference difference) {
			return new DifferenceDescriptor(difference.kind(), difference.name(), difference.change(),
					difference.before(), difference.after());
		}

		/**
		 * Returns the difference as one line, for example
		 * {@code column session.source added: text NOT NULL}.
		 */
		@Override
		public String toString() {
			return new SchemaDifference(this.kind, this.name, this.change, this.before, this.after).toString();
		}

	}

}
