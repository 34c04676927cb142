package dev.ratchet.boot.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ratchet.tenant.TenantResult;
import dev.ratchet.tenant.TenantStatus;
import dev.ratchet.tenant.TenantsReport;

/**
 * Where the tenants stand, in the endpoint and the commands' JSON reports: counts by status and
 * the tenants that are not up to date.
 * @param total how many tenants there are
 * @param upToDate how many are up to date
 * @param pending how many have pending migrations
 * @param failed how many failed
 * @param running how many an instance is migrating right now
 * @param problems the tenants that are not up to date, in order
 * @param tenants every tenant, for a command's report (left out of the endpoint's)
 */
public record TenantsDescriptor(int total, int upToDate, int pending, int failed, int running,
		List<ProblemDescriptor> problems, @JsonInclude(JsonInclude.Include.NON_NULL) List<ProblemDescriptor> tenants) {

	/**
	 * Describes a report, listing only the tenants that are not up to date.
	 * @param report the report
	 * @return the descriptor
	 */
	public static TenantsDescriptor of(TenantsReport report) {
		return new TenantsDescriptor(report.total(), report.upToDate(), report.pending(), report.failed(),
				report.running(), report.problems().stream().map(ProblemDescriptor::of).toList(), null);
	}

	/**
	 * Describes a report, listing every tenant too.
	 * @param report the report
	 * @return the descriptor
	 */
	public static TenantsDescriptor withEveryTenant(TenantsReport report) {
		TenantsDescriptor counts = of(report);
		return new TenantsDescriptor(counts.total, counts.upToDate, counts.pending, counts.failed, counts.running,
				counts.problems, report.tenants().stream().map(ProblemDescriptor::of).toList());
	}

	/**
	 * One tenant.
	 * @param tenant its schema (or the name of its database)
	 * @param status its status
	 * @param version its newest applied version, or {@code null}
	 * @param script the migration that failed, or the first pending one, or {@code null}
	 * @param error what went wrong, with the line of the failing statement, or {@code null}
	 */
	public record ProblemDescriptor(String tenant, TenantStatus status, String version, String script, String error) {

		static ProblemDescriptor of(TenantResult result) {
			String error = (result.error() != null && result.line() > 0) ? "line " + result.line() + ": " + result.error()
					: result.error();
			return new ProblemDescriptor(result.tenant(), result.status(), MigrationsDescriptor.text(result.version()),
					result.script(), error);
		}

	}

}
