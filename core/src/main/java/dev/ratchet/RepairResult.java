package dev.ratchet;

import java.util.List;

/**
 * What {@code repair} changed in the history table.
 * @param removedFailures the failed entries removed, by script
 * @param realignedChecksums the applied migrations whose checksum was set to the current file's, by script
 */
public record RepairResult(List<String> removedFailures, List<String> realignedChecksums) {

	public RepairResult {
		removedFailures = List.copyOf(removedFailures);
		realignedChecksums = List.copyOf(realignedChecksums);
	}

	/**
	 * Returns whether repair found nothing to change.
	 */
	public boolean isNothingToRepair() {
		return this.removedFailures.isEmpty() && this.realignedChecksums.isEmpty();
	}

}
