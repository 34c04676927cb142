package dev.ratchet.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.drift.DriftReport;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Compares the schema with Ratchet's snapshot once the application is ready, on a thread of its own,
 * when the start-up left that comparison out ({@link RatchetConfiguration#isDriftCheckAtStartup()}
 * off, which is what {@code ratchet.health.fail-on-drift=false}, the default, sets): reading the
 * catalog's state of a large schema would otherwise be most of a start-up with nothing to apply.
 * Drift is logged as the start-up would have logged it. The comparison goes through the
 * {@link DriftMonitor}, so that the health contributor and the endpoint, asked right after start-up
 * (a readiness probe, say), reuse it rather than reading the catalog again; and, like theirs, it is
 * not made while a run holds the lock (the background migrations that start when the application
 * is ready, say): the schema is then between two snapshots.
 */
class StartupDriftCheck implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog("dev.ratchet");

	private final Ratchet ratchet;

	private final DriftMonitor monitor;

	StartupDriftCheck(Ratchet ratchet, DriftMonitor monitor) {
		this.ratchet = ratchet;
		this.monitor = monitor;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		RatchetConfiguration configuration = this.ratchet.getConfiguration();
		if (configuration.isDriftCheckAtStartup() || !configuration.isDriftEnabled()) {
			return;
		}
		Thread thread = new Thread(this::compare, "ratchet-drift-check");
		thread.setDaemon(true);
		thread.start();
	}

	void compare() {
		try {
			DriftReport drift = this.monitor.drift(this.ratchet.inspect());
			if (drift != null && drift.isDrifted()) {
				String schema = this.ratchet.getConfiguration().getSchema();
				StringBuilder message = new StringBuilder((schema != null) ? "Schema \"" + schema + "\"" : "The schema")
					.append(" differs from the snapshot Ratchet took after its run of ")
					.append(drift.snapshotTakenOn())
					.append("; these changes were made outside Ratchet's migrations:");
				drift.differences().forEach((difference) -> message.append("\n  ").append(difference));
				logger.warn(message);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare the schema with Ratchet's snapshot after start-up: " + ex.getMessage());
		}
	}

}
