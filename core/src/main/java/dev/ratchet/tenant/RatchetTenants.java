package dev.ratchet.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.Inspection;
import dev.ratchet.MigrationListener;
import dev.ratchet.PlanResult;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RepairResult;
import dev.ratchet.StatusReport;
import dev.ratchet.ValidationException;
import dev.ratchet.internal.Engine;

/**
 * Migrates the tenants: many schemas (or databases) that each get the same tenant migrations, each
 * with its own history table and its own lock, several at once. The main schema is not one of them:
 * migrate it first, with {@link dev.ratchet.Ratchet}. The tenant migrations are resolved, read and
 * checked once, however many tenants there are. A tenant that fails does not stop the others. The
 * runs hold at most parallelism + 1 connections: each tenant schema's run its work session, and one
 * lock session the whole run shares for the tenants' locks.
 *
 * <pre class="code">
 * RatchetTenants tenants = RatchetTenants.builder(configuration).schemas(List.of("acme", "globex")).build();
 * tenants.migrate().orThrow();
 * </pre>
 */
public final class RatchetTenants {

	/** Where tenant migrations are by default. */
	public static final String DEFAULT_LOCATION = "classpath:db/tenant";

	/** How many tenants migrate at once by default. */
	public static final int DEFAULT_PARALLELISM = 4;

	private final TenantConfig config;

	private final TenantRuns runs;

	private volatile TenantsReport lastReport;

	private RatchetTenants(TenantConfig config) {
		this.config = config;
		this.runs = new TenantRuns(config);
	}

	/**
	 * Starts tenants whose settings (table, placeholders, timeouts, listeners) and schema DataSource
	 * are those of the main configuration; its locations and Java migrations are not the tenants'.
	 * @param main the main schema's configuration
	 * @return a builder
	 */
	public static Builder builder(RatchetConfiguration main) {
		return new Builder(main);
	}

	/**
	 * Returns the tenants' names, schemas first, then the databases of {@link TenantDataSources}.
	 * @return the names, each once
	 */
	public List<String> tenants() {
		return this.config.resolve().stream().map(Tenant::name).toList();
	}

	/**
	 * Brings every tenant up to date, several at once, and returns where each stands. The status of
	 * every tenant schema is read first in two round trips; only the tenants with work left are run.
	 * @return the report; {@link TenantsReport#orThrow()} throws when a tenant failed
	 * @throws dev.ratchet.MigrationResolutionException if the tenant migrations are unusable (no tenant run)
	 */
	public TenantsReport migrate() {
		return remember(this.runs.migrate());
	}

	/**
	 * Brings one tenant up to date now, under its lock: for the request that creates a tenant. The
	 * tenant need not be known to the tenant source yet; its schema is created if missing.
	 * @param tenant the tenant's schema, or the name of its database in {@link TenantDataSources}
	 * @return where it stands
	 */
	public TenantResult migrateTenant(String tenant) {
		// A lock session of its own: this request may come while a run holds the shared one.
		return this.runs.migrate(this.config.find(tenant), null);
	}

	/**
	 * Reads where every tenant stands, without the lock and without changing anything: two round
	 * trips for all tenant schemas, one per tenant database.
	 * @return the report
	 */
	public TenantsReport status() {
		return remember(this.runs.status());
	}

	/**
	 * Reads one tenant's full status, with the holder of its lock.
	 * @param tenant the tenant
	 * @return its inspection
	 */
	public Inspection inspect(String tenant) {
		return engine(tenant).inspect();
	}

	/**
	 * Dry-runs one tenant's pending migrations under its lock, as {@link dev.ratchet.Ratchet#plan()} does.
	 * @param tenant the tenant
	 * @return the plan
	 */
	public PlanResult plan(String tenant) {
		return engine(tenant).plan();
	}

	/**
	 * Checks one tenant's applied migrations against the tenant migrations.
	 * @param tenant the tenant
	 * @return its report, when valid
	 * @throws ValidationException when invalid
	 */
	public StatusReport validate(String tenant) {
		StatusReport report = engine(tenant).status();
		if (!report.isValid()) {
			throw new ValidationException(report);
		}
		return report;
	}

	/**
	 * Repairs one tenant's history, as {@link dev.ratchet.Ratchet#repair()} does.
	 * @param tenant the tenant
	 * @return what was changed
	 */
	public RepairResult repair(String tenant) {
		RepairResult result = engine(tenant).repair();
		this.runs.forget(tenant);
		return result;
	}

	/**
	 * Returns a {@link Ratchet} for one tenant alone, for a command on that tenant: it resolves the
	 * tenant migrations itself.
	 * @param tenant the tenant
	 * @return its engine
	 */
	public Ratchet ratchet(String tenant) {
		return new Ratchet(this.runs.configuration(this.config.find(tenant)));
	}

	/**
	 * Returns how many tenants run at once.
	 */
	public int getParallelism() {
		return this.config.parallelism();
	}

	/**
	 * Returns the most connections the tenants' runs held at once so far (at most parallelism + 1).
	 */
	public int getPeakConnections() {
		return this.runs.peakConnections();
	}

	/**
	 * Returns the report of the last {@link #migrate()} or {@link #status()} call, or {@code null}
	 * before the first: for gauges, which should not query the database.
	 */
	public TenantsReport getLastReport() {
		return this.lastReport;
	}

	private TenantsReport remember(TenantsReport report) {
		this.lastReport = report;
		return report;
	}

	private Engine engine(String tenant) {
		return this.runs.engine(this.config.find(tenant));
	}

	/**
	 * Builds {@link RatchetTenants}.
	 */
	public static final class Builder {

		private final RatchetConfiguration main;

		private final List<TenantSource> sources = new ArrayList<>();

		private TenantDataSources dataSources;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private int parallelism = DEFAULT_PARALLELISM;

		private Duration progressEvery = Duration.ofSeconds(5);

		private List<MigrationListener> listeners;

		private Builder(RatchetConfiguration main) {
			this.main = main;
		}

		/** Adds a fixed list of tenant schemas. */
		public Builder schemas(List<String> schemas) {
			this.sources.add(TenantSource.of(schemas));
			return this;
		}

		/** Adds the schemas a query returns (one column), run on the main DataSource. */
		public Builder query(String sql) {
			this.sources.add(TenantSource.query(this.main.getDataSource(), sql));
			return this;
		}

		/** Adds the schemas of a source. */
		public Builder source(TenantSource source) {
			this.sources.add(source);
			return this;
		}

		/** Sets the tenants that have a database of their own. */
		public Builder dataSources(TenantDataSources dataSources) {
			this.dataSources = dataSources;
			return this;
		}

		/** Sets where the tenant migrations are (default {@value RatchetTenants#DEFAULT_LOCATION}). */
		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		/** Sets how many tenants migrate at once; connections stay at most one more than that. */
		public Builder parallelism(int parallelism) {
			if (parallelism < 1) {
				throw new IllegalArgumentException("The tenants' parallelism must be at least 1, not " + parallelism);
			}
			this.parallelism = parallelism;
			return this;
		}

		/** Sets who hears the tenants' events (default: the main configuration's listeners). */
		public Builder listeners(List<? extends MigrationListener> listeners) {
			this.listeners = List.copyOf(listeners);
			return this;
		}

		/** Sets how often a long run logs its progress (default 5 seconds). */
		public Builder progressEvery(Duration progressEvery) {
			this.progressEvery = progressEvery;
			return this;
		}

		public RatchetTenants build() {
			return new RatchetTenants(new TenantConfig(this.main, TenantConfig.template(this.main, this.locations,
					(this.listeners != null) ? this.listeners : this.main.getListeners()), List.copyOf(this.sources), this.dataSources,
					this.parallelism, this.progressEvery));
		}

	}

}
