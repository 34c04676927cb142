package dev.ratchet.drift;

import java.time.Instant;
import java.util.List;

/**
 * How the live schema differs from the snapshot Ratchet took after its last run: changes made by
 * hand or by other tools, never by Ratchet's own migrations.
 * @param snapshotTakenOn when the snapshot compared against was taken, or {@code null} when there
 * is none yet (no run has recorded one)
 * @param differences the differences, by kind then name; children of an added or removed table
 * (its columns, constraints, indexes, triggers) are left out
 */
public record DriftReport(Instant snapshotTakenOn, List<SchemaDifference> differences) {

	/**
	 * The report when there is no snapshot to compare with.
	 */
	public static final DriftReport NO_SNAPSHOT = new DriftReport(null, List.of());

	public DriftReport {
		differences = List.copyOf(differences);
	}

	/**
	 * Returns whether the live schema differs from the snapshot.
	 */
	public boolean isDrifted() {
		return !this.differences.isEmpty();
	}

	/**
	 * Returns whether a snapshot existed to compare with.
	 */
	public boolean hasSnapshot() {
		return this.snapshotTakenOn != null;
	}

}
