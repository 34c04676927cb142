package dev.ratchet.tenant;

import java.time.Duration;
import java.util.List;

/**
 * Where every tenant stands: after a run over all tenants, or when their status was read.
 * @param tenants one result per tenant, in the order of the tenant source
 * @param elapsed how long it took
 */
public record TenantsReport(List<TenantResult> tenants, Duration elapsed) {

	public TenantsReport {
		tenants = List.copyOf(tenants);
	}

	public int total() {
		return this.tenants.size();
	}

	public int upToDate() {
		return count(TenantStatus.UP_TO_DATE);
	}

	public int pending() {
		return count(TenantStatus.PENDING);
	}

	public int failed() {
		return count(TenantStatus.FAILED);
	}

	public int running() {
		return count(TenantStatus.RUNNING);
	}

	/**
	 * Returns how many tenants have the given status.
	 * @param status the status
	 * @return how many
	 */
	public int count(TenantStatus status) {
		return (int) this.tenants.stream().filter((tenant) -> tenant.status() == status).count();
	}

	/**
	 * Returns the tenants that are not up to date, in order.
	 */
	public List<TenantResult> problems() {
		return this.tenants.stream().filter((tenant) -> tenant.status() != TenantStatus.UP_TO_DATE).toList();
	}

	/**
	 * Returns the result of one tenant, or {@code null} when it is not in this report.
	 * @param tenant the tenant
	 * @return its result
	 */
	public TenantResult tenant(String tenant) {
		return this.tenants.stream().filter((result) -> result.tenant().equals(tenant)).findFirst().orElse(null);
	}

	/**
	 * Throws when a tenant failed.
	 * @return this report, when none did
	 * @throws TenantsFailedException naming each failed tenant with its migration, line and error
	 */
	public TenantsReport orThrow() {
		if (failed() > 0) {
			throw new TenantsFailedException(this);
		}
		return this;
	}

	/**
	 * Returns how many migrations the run applied over all tenants.
	 */
	public int applied() {
		return this.tenants.stream().mapToInt(TenantResult::applied).sum();
	}

}
