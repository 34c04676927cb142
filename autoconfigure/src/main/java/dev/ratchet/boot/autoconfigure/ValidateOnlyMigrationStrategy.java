package dev.ratchet.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Ratchet;
import dev.ratchet.StatusReport;
import dev.ratchet.drift.DriftReport;

/**
 * The start-up strategy of {@code ratchet.mode=validate}: applies nothing, and fails if anything
 * applied is changed, missing or failed. Pending work is allowed; health reports it. Drift from
 * Ratchet's snapshot is logged, as a {@code migrate} run logs it.
 */
final class ValidateOnlyMigrationStrategy implements RatchetMigrationStrategy {

	private static final Log logger = LogFactory.getLog(ValidateOnlyMigrationStrategy.class);

	@Override
	public void migrate(Ratchet ratchet) {
		StatusReport report = ratchet.validate();
		String version = (report.currentVersion() != null) ? "at version " + report.currentVersion()
				: "with no migration applied";
		logger.info("Schema \"" + report.schema() + "\" is valid " + version + "; " + report.pendingCount()
				+ " pending, not applied (ratchet.mode=validate)");
		DriftReport drift = ratchet.drift();
		if (drift.isDrifted()) {
			StringBuilder message = new StringBuilder("Schema \"").append(report.schema())
				.append("\" differs from the snapshot Ratchet took after its run of ")
				.append(drift.snapshotTakenOn())
				.append("; these changes were made outside Ratchet's migrations:");
			drift.differences()
				.forEach((difference) -> message.append(System.lineSeparator()).append("  ").append(difference));
			logger.warn(message);
		}
	}

}
