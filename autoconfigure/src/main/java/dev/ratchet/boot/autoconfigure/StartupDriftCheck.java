package dev.ratchet.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.drift.DriftReport;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Compares the schema with Ratchet's snapshot once the application is ready, on a thread of its own,
 * when the start-up left that comparison out ({@link RatchetConfiguration#isDriftCheckAtStartup()}
 * off, which is what {@code ratchet.health.fail-on-drift=false}, the default, sets): reading the
 * catalog's state of a large schema would otherwise be most of a start-up with nothing to apply.
 * Drift is logged as the start-up would have logged it; health and the endpoint compare on their
 * own when asked.
 */
class StartupDriftCheck implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog("dev.ratchet");

	private final Ratchet ratchet;

	StartupDriftCheck(Ratchet ratchet) {
		this.ratchet = ratchet;
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
			DriftReport drift = this.ratchet.drift();
			if (drift.isDrifted()) {
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
