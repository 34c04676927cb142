package dev.ratchet.tenant;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	List<String> schemaNames() throws SQLException {
		List<String> names = new ArrayList<>();
		for (TenantSource source : this.sources) {
			names.addAll(source.tenants());
		}
		return names;
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
			.build();
	}

}
