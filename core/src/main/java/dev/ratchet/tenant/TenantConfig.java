package dev.ratchet.tenant;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.MigrationListener;
import dev.ratchet.RatchetConfiguration;

/**
 * The settings of a {@link RatchetTenants}.
 * @param main the main schema's configuration
 * @param template the tenants' configuration (each tenant's engine gets its schema and DataSource)
 * @param sources where the tenant schemas come from
 * @param dataSources the tenants with a database of their own, or {@code null}
 * @param parallelism how many tenants run at once
 * @param progressEvery how often a run logs its progress
 */
record TenantConfig(RatchetConfiguration main, RatchetConfiguration template, List<TenantSource> sources,
		TenantDataSources dataSources, int parallelism, Duration progressEvery) {

	/**
	 * Returns the tenant of that name: a database of {@link TenantDataSources}, else a schema.
	 */
	Tenant find(String name) {
		Objects.requireNonNull(name, "tenant");
		if (this.dataSources != null) {
			DataSource dataSource = this.dataSources.dataSources().get(name);
			if (dataSource != null) {
				return new Tenant(name, dataSource, null);
			}
		}
		return new Tenant(name, this.main.getDataSource(), name);
	}

	/**
	 * Returns every tenant, each once: the schemas of the sources, then the databases.
	 */
	List<Tenant> resolve() {
		Map<String, Tenant> tenants = new LinkedHashMap<>();
		try {
			for (TenantSource source : this.sources) {
				for (String schema : source.tenants()) {
					if (schema != null && !schema.isBlank()) {
						tenants.putIfAbsent(schema, new Tenant(schema, this.main.getDataSource(), schema));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new DatabaseConnectionException("Ratchet could not read the tenant schemas (ratchet.tenants.query or "
					+ "the TenantSource): " + ex.getMessage(), ex);
		}
		if (this.dataSources != null) {
			this.dataSources.dataSources().forEach((name, dataSource) -> tenants.putIfAbsent(name,
					new Tenant(name, dataSource, null)));
		}
		return List.copyOf(tenants.values());
	}

	/**
	 * Returns the main configuration's settings with the tenants' locations and without the main
	 * schema's Java migrations.
	 */
	static RatchetConfiguration template(RatchetConfiguration main, List<String> locations,
			List<MigrationListener> listeners) {
		return RatchetConfiguration.builder(main.getDataSource())
			.locations(locations)
			.table(main.getTable())
			.lockWaitTimeout(main.getLockWaitTimeout())
			.baselineOnMigrate(main.isBaselineOnMigrate())
			.baselineVersion(main.getBaselineVersion().toString())
			.outOfOrder(main.isOutOfOrder())
			.placeholders(main.getPlaceholders())
			.listeners(listeners)
			.classLoader(main.getClassLoader())
			.dataClock(main.getDataClock())
			.lintSeverities(main.getLintSeverities())
			.poolerPolicy(main.getPoolerPolicy())
			.lockTimeout(main.getLockTimeout())
			.statementTimeout(main.getStatementTimeout())
			.lockRetries(main.getLockRetries())
			.lockRetryDelay(main.getLockRetryDelay())
			.target(main.getTarget())
			.placeholderReplacement(main.isPlaceholderReplacement())
			.placeholderPrefix(main.getPlaceholderPrefix())
			.placeholderSuffix(main.getPlaceholderSuffix())
			.mixed(main.isMixed())
			.driftEnabled(main.isDriftEnabled())
			.driftIgnore(main.getDriftIgnore())
			.throttles(main.getThrottles().toArray(new dev.ratchet.data.BatchThrottle[0]))
			.adoptEnabled(main.isAdoptEnabled())
			.adoptFlywayTable(main.getAdoptFlywayTable())
			.build();
	}

}
