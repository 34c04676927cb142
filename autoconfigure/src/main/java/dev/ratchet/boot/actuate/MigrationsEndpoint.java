package dev.ratchet.boot.actuate;

import dev.ratchet.Inspection;
import dev.ratchet.Ratchet;
import java.util.List;

import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.tenant.RatchetTenants;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.jspecify.annotations.Nullable;
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

	private final RatchetTenants tenants;

	/**
	 * Creates a new endpoint.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift) {
		this(ratchet, runs, drift, null);
	}

	/**
	 * Creates a new endpoint that shows the tenants too.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 * @param tenants the tenants, or {@code null}
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift, RatchetTenants tenants) {
		this.ratchet = ratchet;
		this.runs = runs;
		this.drift = drift;
		this.tenants = tenants;
	}

	/** How many items of a ledger of failed items the endpoint shows. */
	static final int FAILED_ITEMS_SHOWN = 20;

	public MigrationsEndpointDescriptor migrations() {
		return migrations(null);
	}

	/**
	 * Returns where the schema stands, with the tenants' counts; or, given a tenant, where that
	 * tenant stands, in the same shape. The tenants cost a constant number of queries, however many
	 * there are.
	 * @param tenant the tenant to show, or {@code null} for the main schema
	 * @return the document
	 */
	@ReadOperation
	public MigrationsEndpointDescriptor migrations(@Nullable String tenant) {
		if (tenant != null && this.tenants != null) {
			Inspection inspection = this.tenants.inspect(tenant);
			return MigrationsEndpointDescriptor.of(inspection, List.of(), false, null, null);
		}
		boolean running = this.runs.isRunning();
		Inspection inspection = this.ratchet.inspect();
		MigrationsEndpointDescriptor main = MigrationsEndpointDescriptor.of(inspection,
				DataMigrationDescriptor.of(this.ratchet, inspection.status(), FAILED_ITEMS_SHOWN), running,
				this.runs.getLastRun(), this.drift.drift(inspection));
		return (this.tenants != null) ? main.withTenants(TenantsDescriptor.of(this.tenants.status())) : main;
	}

}
