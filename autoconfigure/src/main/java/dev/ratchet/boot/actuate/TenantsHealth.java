package dev.ratchet.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantResult;
import dev.ratchet.tenant.TenantStatus;
import dev.ratchet.tenant.TenantsReport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The tenants' part of the {@code migrations} health: their counts by status in the details, the
 * first failed ones by name, {@code DOWN} while any has failed, and {@code OUT_OF_SERVICE} (unless
 * already {@code DOWN}) while any is pending or being migrated, as for the main schema: in validate
 * mode, where start-up does not migrate them, that keeps the instance out of the load balancer.
 */
final class TenantsHealth {

	/** How many failed tenants the details name. */
	static final int NAMED = 10;

	private static final Log logger = LogFactory.getLog(TenantsHealth.class);

	private TenantsHealth() {
	}

	static void contribute(Health.Builder builder, RatchetTenants tenants) {
		TenantsReport report;
		try {
			report = tenants.status();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read where the tenants stand: " + ex.getMessage());
			builder.down().withDetail("tenants", Map.of("error", String.valueOf(ex.getMessage())));
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("total", report.total());
		details.put("upToDate", report.upToDate());
		details.put("pending", report.pending());
		details.put("failed", report.failed());
		details.put("running", report.running());
		if (report.failed() > 0) {
			List<String> failed = report.tenants()
				.stream()
				.filter((tenant) -> tenant.status() == TenantStatus.FAILED)
				.limit(NAMED)
				.map(TenantResult::tenant)
				.toList();
			details.put("failedTenants", failed);
			builder.down();
		}
		else if ((report.pending() > 0 || report.running() > 0)
				&& !Status.DOWN.equals(builder.build().getStatus())) {
			builder.outOfService();
		}
		builder.withDetail("tenants", details);
	}

}
