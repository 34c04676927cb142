package dev.ratchet.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Where the names of the tenant schemas come from. Asked once per run (start-up, command, status
 * call), so a tenant added meanwhile is migrated at the next run, or at once with
 * {@link RatchetTenants#migrateTenant(String)}.
 */
@FunctionalInterface
public interface TenantSource {

	/**
	 * Returns the names of the tenant schemas, in the order to migrate them; duplicates are ignored.
	 * @return the schema names
	 * @throws SQLException when reading them from the database fails
	 */
	List<String> tenants() throws SQLException;

	/**
	 * Returns a source of a fixed list of schemas.
	 * @param schemas the schema names
	 * @return the source
	 */
	static TenantSource of(List<String> schemas) {
		List<String> copy = List.copyOf(schemas);
		return () -> copy;
	}

	/**
	 * Returns a source that runs a query returning one column of schema names.
	 * @param dataSource where to run it
	 * @param sql the query, for example {@code SELECT schema_name FROM tenants WHERE active}
	 * @return the source
	 */
	static TenantSource query(DataSource dataSource, String sql) {
		return () -> {
			List<String> names = new ArrayList<>();
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			return names;
		};
	}

}
