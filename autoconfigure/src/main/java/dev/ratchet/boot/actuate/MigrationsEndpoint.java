package dev.ratchet.boot.actuate;

import dev.ratchet.Inspection;
import dev.ratchet.Ratchet;
import dev.ratchet.boot.report.DataMigrationDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@link Endpoint @Endpoint} that shows where the schema stands: every migration with its state,
 * the progress of batched data migrations, the migration lock, and this instance's last run. Each
 * call reads the history table, so it shows what other instances did; the migrations themselves
 * were resolved once, at start-up. One round trip to the database per call, one more with batched
 * data migrations (and one per migration with failed items, for the first of them).
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

	/** How many items of a ledger of failed items the endpoint shows. */
	static final int FAILED_ITEMS_SHOWN = 20;

	@ReadOperation
	public MigrationsEndpointDescriptor migrations() {
		boolean running = this.runs.isRunning();
		Inspection inspection = this.ratchet.inspect();
		return MigrationsEndpointDescriptor.of(inspection,
				DataMigrationDescriptor.of(this.ratchet, inspection.status(), FAILED_ITEMS_SHOWN), running,
				this.runs.getLastRun());
	}

}
