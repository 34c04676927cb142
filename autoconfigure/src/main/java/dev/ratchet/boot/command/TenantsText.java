package dev.ratchet.boot.command;

import java.util.List;
import java.util.Objects;

import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.boot.report.TenantsDescriptor.ProblemDescriptor;

/**
 * The tenants' part of a command's text report: the counts, then one line per tenant.
 */
final class TenantsText {

	private TenantsText() {
	}

	static String of(TenantsDescriptor tenants) {
		StringBuilder text = new StringBuilder(String.format(
				"Tenants: %d, %d up to date, %d pending, %d failed, %d running", tenants.total(), tenants.upToDate(),
				tenants.pending(), tenants.failed(), tenants.running()));
		List<ProblemDescriptor> rows = (tenants.tenants() != null) ? tenants.tenants() : tenants.problems();
		int width = rows.stream().mapToInt((row) -> row.tenant().length()).max().orElse(6);
		for (ProblemDescriptor row : rows) {
			text.append(String.format("%n  %-" + width + "s  %-10s  %-8s  %s", row.tenant(), row.status(),
					Objects.toString(row.version(), "none"), describe(row)));
		}
		return text.toString();
	}

	private static String describe(ProblemDescriptor row) {
		if (row.script() == null) {
			return Objects.toString(row.error(), "");
		}
		return (row.error() != null) ? row.script() + ": " + row.error() : row.script();
	}

}
