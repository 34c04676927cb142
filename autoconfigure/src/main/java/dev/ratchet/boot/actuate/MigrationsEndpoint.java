package dev.ratchet.boot.actuate;

import dev.ratchet.Inspection;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.Ratchet;
import dev.ratchet.boot.report.DataMigrationDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@link Endpoint @Endpoint} that shows where the schema stands: every migration with its state,
 * the progress of batched data migrations, the migration lock, this instance's last run, lint
 * findings in the pending migrations, and drift from Ratchet's snapshot. Each call reads the history
 * table, so it shows what other instances did; the migrations themselves were resolved and linted
 * once. One round trip to the database per call, one more with batched data migrations, plus a
 * comparison of the catalog with the snapshot when the {@link DriftMonitor}'s last one is stale.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	private final DriftMonitor drift;

	/**
	 * Creates a new endpoint.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift) {
		this.ratchet = ratchet;
		this.runs = runs;
		this.drift = drift;
	}

	/** How many items of a ledger of failed items the endpoint shows. */
	static final int FAILED_ITEMS_SHOWN = 20;

	@ReadOperation
	public MigrationsEndpointDescriptor migrations() {
		boolean running = this.runs.isRunning();
		Inspection inspection = this.ratchet.inspect();
		return MigrationsEndpointDescriptor.of(inspection,
				DataMigrationDescriptor.of(this.ratchet, inspection.status(), FAILED_ITEMS_SHOWN), running,
				this.runs.getLastRun(), this.drift.drift(inspection));
	}

}
