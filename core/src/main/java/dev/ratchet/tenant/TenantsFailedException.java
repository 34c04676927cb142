package dev.ratchet.tenant;

import java.util.stream.Collectors;

import dev.ratchet.RatchetException;

/**
 * Thrown once every tenant has been run when at least one failed; the others are up to date. The
 * message names each failed tenant with its migration, line and error.
 */
public class TenantsFailedException extends RatchetException {

	private final transient TenantsReport report;

	public TenantsFailedException(TenantsReport report) {
		super(message(report));
		this.report = report;
	}

	/**
	 * Returns the run's report.
	 */
	public TenantsReport getReport() {
		return this.report;
	}

	private static String message(TenantsReport report) {
		String failed = report.tenants()
			.stream()
			.filter((tenant) -> tenant.status() == TenantStatus.FAILED)
			.map((tenant) -> "  " + tenant.describe())
			.collect(Collectors.joining("\n"));
		return report.failed() + " of " + report.total() + " tenants failed to migrate (the "
				+ (report.total() - report.failed()) + " others are up to date):\n" + failed
				+ "\nFix the migration or the tenant's data, then run again: only the failed tenants have work left.";
	}

}
