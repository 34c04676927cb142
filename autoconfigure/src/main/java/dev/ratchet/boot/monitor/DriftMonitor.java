package dev.ratchet.boot.monitor;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Inspection;
import dev.ratchet.Ratchet;
import dev.ratchet.drift.DriftReport;

/**
 * Compares the live schema with Ratchet's snapshot for the endpoint and the health contributor.
 * A comparison reads the catalog (a few queries), so one is reused for a while; it is made again
 * at once when the history changed (a run of this or another instance) since. While a run holds
 * the migration lock, the schema is between two snapshots, so no comparison is made then and the
 * last one stands.
 */
public class DriftMonitor {

	private static final Log logger = LogFactory.getLog(DriftMonitor.class);

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	private final long cacheTtlNanos;

	private final Object refresh = new Object();

	private volatile Reading reading;

	/**
	 * Creates a new monitor.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param cacheTtl how long a comparison is reused while the history stays the same; zero to
	 * compare on every call
	 */
	public DriftMonitor(Ratchet ratchet, MigrationRunTracker runs, Duration cacheTtl) {
		this.ratchet = ratchet;
		this.runs = runs;
		this.cacheTtlNanos = cacheTtl.toNanos();
	}

	/**
	 * Returns how the schema differs from Ratchet's snapshot.
	 * @param inspection a reading of the history and the migration lock, taken just now
	 * @return the drift, or {@code null} when it is not known: the comparison failed, or a run is
	 * in progress and none was made before it
	 */
	public DriftReport drift(Inspection inspection) {
		Reading current = this.reading;
		if (inspection.isLocked() || this.runs.isRunning()) {
			return (current != null) ? current.drift() : null;
		}
		List<String> history = history(inspection);
		if (current != null && current.isFresh(history, this.runs.finishedRuns())) {
			return current.drift();
		}
		synchronized (this.refresh) {
			current = this.reading;
			long finishedRuns = this.runs.finishedRuns();
			if (current == null || !current.isFresh(history, finishedRuns)) {
				current = new Reading(compare(), history, finishedRuns, System.nanoTime() + this.cacheTtlNanos);
				this.reading = current;
			}
			return current.drift();
		}
	}

	private DriftReport compare() {
		try {
			return this.ratchet.drift();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare the schema with Ratchet's snapshot: " + ex.getMessage());
			return null;
		}
	}

	// What the history holds, so that a run of another instance, which changes it, shows.
	private static List<String> history(Inspection inspection) {
		return inspection.status()
			.migrations()
			.stream()
			.filter((info) -> info.installedRank() != null)
			.map((info) -> info.installedRank() + " " + info.state() + " " + info.checksum())
			.toList();
	}

	private record Reading(DriftReport drift, List<String> history, long finishedRuns, long freshUntilNanos) {

		boolean isFresh(List<String> currentHistory, long currentFinishedRuns) {
			return this.history.equals(currentHistory) && this.finishedRuns == currentFinishedRuns
					&& System.nanoTime() - this.freshUntilNanos < 0;
		}

	}

}
