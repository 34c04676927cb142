package dev.ratchet.boot.actuate;

import dev.ratchet.Ratchet;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@link Endpoint @Endpoint} that shows where the schema stands: every migration with its state,
 * the migration lock, and this instance's last run. Each call reads the history table, so it shows
 * what other instances did; the migrations themselves were resolved once, at start-up. One round
 * trip to the database per call.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	/**
	 * Creates a new endpoint.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs) {
		this.ratchet = ratchet;
		this.runs = runs;
	}

	@ReadOperation
	public MigrationsEndpointDescriptor migrations() {
		boolean running = this.runs.isRunning();
		return MigrationsEndpointDescriptor.of(this.ratchet.inspect(), running, this.runs.getLastRun());
	}

}
