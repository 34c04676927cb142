package dev.ratchet.internal;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.drift.internal.DriftFilter;
import dev.ratchet.drift.internal.DriftTracker;

/**
 * Drift detection as configured: {@code ratchet.drift.enabled} and {@code ratchet.drift.ignore}.
 */
final class DriftSettings {

	private DriftSettings() {
	}

	/**
	 * Returns the filter the configuration asks for.
	 * @throws IllegalArgumentException for an ignore pattern of an unknown kind
	 */
	static DriftFilter filter(RatchetConfiguration configuration) {
		return DriftFilter.of(configuration.isDriftEnabled(), configuration.getDriftIgnore());
	}

	/**
	 * Returns a tracker for a schema and history table, looking at what the configuration asks for.
	 */
	static DriftTracker tracker(RatchetConfiguration configuration, String schema, String historyTable) {
		return new DriftTracker(schema, historyTable, filter(configuration));
	}

}
