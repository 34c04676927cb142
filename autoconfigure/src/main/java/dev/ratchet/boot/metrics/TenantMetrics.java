package dev.ratchet.boot.metrics;

import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantStatus;
import dev.ratchet.tenant.TenantsReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A gauge of the tenants per status ({@code ratchet.tenants}, tagged {@code status}), from the last
 * run or status reading, so a scrape costs no query. Never tagged by tenant: there may be thousands.
 */
public class TenantMetrics implements MeterBinder {

	private final RatchetTenants tenants;

	public TenantMetrics(RatchetTenants tenants) {
		this.tenants = tenants;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TenantStatus status : TenantStatus.values()) {
			Gauge.builder("ratchet.tenants", this, (metrics) -> metrics.count(status))
				.tag("status", status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
				.description("Tenants per status, as of the last run or status reading")
				.register(registry);
		}
	}

	private double count(TenantStatus status) {
		TenantsReport report = this.tenants.getLastReport();
		return (report != null) ? report.count(status) : Double.NaN;
	}

}
