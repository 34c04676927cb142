package dev.ratchet.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.ratchet.tenant.RatchetTenants;

/**
 * Configuration properties for tenants ({@code ratchet.tenants.*}): schemas (or databases) that each
 * get the tenant migrations, with their own history table and lock, after the main schema.
 */
public class TenantsProperties {

	/**
	 * Tenant schemas to migrate after the main schema, each with its own history table.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * Query returning one column of tenant schema names, run on the migration connection, for
	 * example 'SELECT schema_name FROM tenants WHERE active'.
	 */
	private String query;

	/**
	 * Locations of the tenant migrations, with 'classpath:' or 'filesystem:' prefixes. Keep them
	 * outside the main locations, whose subfolders are scanned.
	 */
	private List<String> locations = new ArrayList<>(List.of(RatchetTenants.DEFAULT_LOCATION));

	/**
	 * How many tenants migrate at once. Their runs hold at most one connection more than this.
	 */
	private int parallelism = RatchetTenants.DEFAULT_PARALLELISM;

	/**
	 * What start-up does when a tenant fails, once every other tenant is migrated: 'fail' fails the
	 * start-up with a summary of the failed tenants, 'continue' starts the application anyway
	 * (health is DOWN).
	 */
	private OnFailure onFailure = OnFailure.FAIL;

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public String getQuery() {
		return this.query;
	}

	public void setQuery(String query) {
		this.query = query;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	/**
	 * What start-up does when a tenant fails.
	 */
	public enum OnFailure {

		/** Fail the start-up, after every other tenant is migrated. */
		FAIL,

		/** Start anyway, with health DOWN. */
		CONTINUE

	}

}
