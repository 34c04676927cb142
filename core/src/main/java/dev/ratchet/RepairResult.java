package dev.ratchet;

import java.util.List;

import dev.ratchet.drift.SchemaDifference;

/**
 * What {@code repair} changed: the history table, and the schema snapshot drift is measured against.
 * @param removedFailures the failed entries removed, by script
 * @param realignedChecksums the applied migrations whose checksum was set to the current file's, by script
 * @param acceptedDrift the differences from the snapshot that repair accepted as the new normal
 * @param completedCancelled the cancelled batched data migrations recorded as completed, by script
 * @param leftCancelled the cancelled batched data migrations left cancelled (later versions keep
 * waiting for them), each with how to record it as completed
 */
public record RepairResult(List<String> removedFailures, List<String> realignedChecksums,
		List<SchemaDifference> acceptedDrift, List<String> completedCancelled, List<String> leftCancelled) {

	public RepairResult {
		removedFailures = List.copyOf(removedFailures);
		realignedChecksums = List.copyOf(realignedChecksums);
		acceptedDrift = List.copyOf(acceptedDrift);
		completedCancelled = List.copyOf(completedCancelled);
		leftCancelled = List.copyOf(leftCancelled);
	}

	/**
	 * Creates a result that accepted no drift.
	 * @param removedFailures the failed entries removed, by script
	 * @param realignedChecksums the applied migrations whose checksum was realigned, by script
	 */
	public RepairResult(List<String> removedFailures, List<String> realignedChecksums) {
		this(removedFailures, realignedChecksums, List.of(), List.of(), List.of());
	}

	/**
	 * Returns whether repair found nothing to change.
	 */
	public boolean isNothingToRepair() {
		return this.removedFailures.isEmpty() && this.realignedChecksums.isEmpty() && this.acceptedDrift.isEmpty()
				&& this.completedCancelled.isEmpty();
	}

}
