package dev.ratchet.boot.actuate;

import dev.ratchet.Inspection;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.Ratchet;
import java.util.List;

import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.tenant.RatchetTenants;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@link Endpoint @Endpoint} that shows where the schema stands: every migration with its state,
 * the progress of batched data migrations, the migration lock, this instance's last run, lint
 * findings in the pending migrations, and drift from Ratchet's snapshot. Each call reads the history
 * table, so it shows what other instances did; the migrations themselves were resolved and linted
 * once. One round trip to the database per call, one more with batched data migrations, plus a
 * comparison of the catalog with the snapshot when the {@link DriftMonitor}'s last one is stale.
 * <p>
 * {@code GET /actuator/migrations/{version}} pages through and searches one data migration's ledger
 * of failed items, which may be too large to show whole.
 * <p>
 * Read-only by default: its write operation ({@code POST /actuator/migrations/{version}} with
 * {@code {"action": "pause" | "resume" | "cancel" | "retry-failed"}}, see
 * {@link DataMigrationActions}) exists only with {@code management.endpoint.migrations.access=unrestricted}.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	private final DriftMonitor drift;

	private final DataMigrationActions actions;
	private final RatchetTenants tenants;

	/**
	 * Creates a new endpoint.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift) {
		this(ratchet, runs, drift, new DataMigrationActions(ratchet, null), null);
	}

	/**
	 * Creates a new endpoint.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 * @param actions what its write operation does
	 * @param tenants the tenants, or {@code null}
	 */
	public MigrationsEndpoint(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift,
			DataMigrationActions actions, RatchetTenants tenants) {
		this.ratchet = ratchet;
		this.runs = runs;
		this.drift = drift;
		this.actions = actions;
		this.tenants = tenants;
	}

	/** How many items of a ledger of failed items the endpoint shows. */
	static final int FAILED_ITEMS_SHOWN = 20;

	/** The most items of a ledger of failed items one page shows. */
	static final int MAX_PAGE_SIZE = 100;

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

	/**
	 * Returns one batched data migration with one page of its ledger of failed items, searched by
	 * key in the database: {@code GET /actuator/migrations/{version}?page=0&size=20&key=<prefix>}.
	 * @param version the migration's version
	 * @param page the page, from 0 (default 0)
	 * @param size items per page, 1 to {@value #MAX_PAGE_SIZE} (default {@value #FAILED_ITEMS_SHOWN})
	 * @param key what the keys of the items shown start with, or {@code null} for every item
	 * @param tenant the tenant whose migration to show, or {@code null} for the main schema
	 * @return 200 with the migration and the page, 400 for a page or size out of range, 404 when no
	 * batched data migration has that version
	 */
	@ReadOperation
	public WebEndpointResponse<DataMigrationPageDescriptor> dataMigration(@Selector String version,
			@Nullable Integer page, @Nullable Integer size, @Nullable String key, @Nullable String tenant) {
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : FAILED_ITEMS_SHOWN;
		if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			return new WebEndpointResponse<>(400);
		}
		Ratchet target = (tenant != null && this.tenants != null) ? this.tenants.ratchet(tenant) : this.ratchet;
		return target.dataMigrations()
			.stream()
			.filter((migration) -> migration.version().toString().equals(version))
			.findFirst()
			.map((migration) -> new WebEndpointResponse<>(DataMigrationPageDescriptor.of(migration,
					target.failedItems(version, key, (long) pageNumber * pageSize, pageSize), pageNumber, pageSize,
					key)))
			.orElseGet(() -> new WebEndpointResponse<>(404));
	}

	/**
	 * Pauses, resumes or cancels a batched data migration, or processes its failed items again.
	 * @param version the migration's version
	 * @param action {@code pause}, {@code resume}, {@code cancel} or {@code retry-failed}
	 * @param securityContext who asks, logged with the action
	 * @return 200 with the new state, 409 when its state does not allow the action
	 */
	@WriteOperation
	public WebEndpointResponse<DataMigrationActions.DataMigrationActionDescriptor> change(@Selector String version,
			String action, SecurityContext securityContext) {
		return this.actions.perform(version, action, securityContext);
	}

}
