package dev.ratchet.tenant;

import java.util.Map;

import javax.sql.DataSource;

/**
 * Tenants that each have a database of their own: each database is a tenant, migrated with the
 * tenant migrations, its history in the default schema of its connections.
 */
@FunctionalInterface
public interface TenantDataSources {

	/**
	 * Returns the tenants' databases, by tenant name, in the order to migrate them. Asked once per run.
	 * @return tenant name to the DataSource of its database
	 */
	Map<String, DataSource> dataSources();

}
