package dev.ratchet.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.ratchet.Inspection;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.internal.Engine;
import dev.ratchet.internal.SharedLockSession;
import dev.ratchet.internal.TenantEngines;

/**
 * The work behind {@link RatchetTenants}: reading where every tenant stands, running the tenants with
 * work left several at once within the connection budget, and remembering what failed.
 * <p>
 * Connections: the tenant schemas of a run share one lock session ({@link SharedLockSession}), so each
 * of their runs holds one connection, its work session: at most parallelism + 1 in all. A tenant with a
 * database of its own needs a lock session in that database; those tenants run after the schemas, once
 * the shared lock session is closed, two connections each, and the budget of parallelism + 1 still
 * holds without deadlock (one thread per permit but one, so some run can always take its second).
 */
final class TenantRuns {

	private final TenantConfig config;

	private final TenantEngines engines;

	private final ConnectionBudget budget;

	private final Map<String, Engine> byTenant = new ConcurrentHashMap<>();

	// What this instance's last runs found wrong with each tenant (a transactional failure leaves no
	// trace in the history, so status alone would call the tenant pending).
	private final Map<String, TenantResult> failures = new ConcurrentHashMap<>();

	TenantRuns(TenantConfig config) {
		this.config = config;
		this.engines = new TenantEngines(config.template());
		this.budget = new ConnectionBudget(config.parallelism() + 1, config.template().getLockWaitTimeout());
	}

	int peakConnections() {
		return this.budget.peak();
	}

	/**
	 * Brings every tenant up to date: reads every tenant schema's status in two round trips, then runs
	 * only the tenants with work left.
	 */
	TenantsReport migrate() {
		long start = System.nanoTime();
		this.engines.resolve();
		List<Tenant> tenants = this.config.resolve();
		Map<String, TenantResult> settled = new LinkedHashMap<>();
		Map<String, Inspection> read = this.engines.inspect(this.config.main().getDataSource(),
				this.config.template().getTable(), schemas(tenants));
		List<Tenant> schemaWork = new ArrayList<>();
		List<Tenant> databaseWork = new ArrayList<>();
		for (Tenant tenant : tenants) {
			Inspection inspection = read.get(tenant.name());
			TenantResult result = (inspection != null && tenant.schema() != null) ? Tenant.result(tenant.name(), inspection)
					: null;
			if (result != null && result.status() == TenantStatus.UP_TO_DATE) {
				settled.put(tenant.name(), result);
				this.failures.remove(tenant.name());
			}
			else {
				((tenant.schema() != null) ? schemaWork : databaseWork).add(tenant);
			}
		}
		ParallelRun parallel = new ParallelRun(this.config.parallelism(), this.config.progressEvery());
		if (!schemaWork.isEmpty()) {
			try (SharedLockSession shared = new SharedLockSession(this.budget.wrap(this.config.main().getDataSource()),
					this.config.main().getSchema(), this.config.template().getPoolerPolicy())) {
				shared.open();
				parallel.run("migrate", schemaWork, (tenant) -> migrate(tenant, shared))
					.forEach((result) -> settled.put(result.tenant(), result));
			}
		}
		parallel.run("migrate", databaseWork, (tenant) -> migrate(tenant, null))
			.forEach((result) -> settled.put(result.tenant(), result));
		List<TenantResult> results = tenants.stream().map((tenant) -> settled.get(tenant.name())).toList();
		return new TenantsReport(results, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Reads where every tenant stands, without the lock: two round trips for all tenant schemas, one
	 * per tenant database; a tenant this instance saw fail is reported failed while still pending.
	 */
	TenantsReport status() {
		long start = System.nanoTime();
		List<Tenant> tenants = this.config.resolve();
		Map<String, Inspection> read = new LinkedHashMap<>(this.engines.inspect(this.config.main().getDataSource(),
				this.config.template().getTable(), schemas(tenants)));
		List<TenantResult> results = new ArrayList<>();
		for (Tenant tenant : tenants) {
			Inspection inspection = (tenant.schema() != null) ? read.get(tenant.name()) : engine(tenant).inspect();
			TenantResult result = Tenant.result(tenant.name(), inspection);
			TenantResult failure = this.failures.get(tenant.name());
			results.add((failure != null && result.status() == TenantStatus.PENDING)
					? new TenantResult(failure.tenant(), failure.status(), result.version(), 0, failure.script(),
							failure.line(), failure.error(), failure.elapsed())
					: result);
		}
		return new TenantsReport(results, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Migrates one tenant, taking its lock on the shared lock session if one is given, else on a session
	 * of its own, and remembers whether it failed.
	 */
	TenantResult migrate(Tenant tenant, SharedLockSession shared) {
		Engine engine = engine(tenant);
		TenantResult result = Tenant.migrate(tenant.name(), () -> engine.migrate(shared));
		if (result.status() == TenantStatus.FAILED) {
			this.failures.put(tenant.name(), result);
		}
		else {
			this.failures.remove(tenant.name());
		}
		return result;
	}

	/**
	 * Forgets a tenant's failure (after a repair).
	 */
	void forget(String tenant) {
		this.failures.remove(tenant);
	}

	Engine engine(Tenant tenant) {
		return this.byTenant.computeIfAbsent(tenant.name(), (name) -> this.engines.engine(configuration(tenant)));
	}

	RatchetConfiguration configuration(Tenant tenant) {
		return this.config.template().toBuilder(this.budget.wrap(tenant.dataSource())).schema(tenant.schema()).build();
	}

	private static List<String> schemas(List<Tenant> tenants) {
		return tenants.stream().filter((tenant) -> tenant.schema() != null).map(Tenant::name).toList();
	}

}
