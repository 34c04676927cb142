package dev.ratchet.boot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.ratchet.PlanResult;
import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantResult;
import dev.ratchet.tenant.TenantStatus;
import dev.ratchet.tenant.TenantsReport;

/**
 * Runs a command over every tenant, after the main schema: where each tenant stands, and the worst
 * exit code over them.
 */
final class TenantCommands {

	private final RatchetTenants tenants;

	TenantCommands(RatchetTenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * What the command did to the tenants.
	 * @param tenants where they stand
	 * @param exitCode the worst exit code over them
	 */
	record Outcome(TenantsDescriptor tenants, int exitCode) {
	}

	/**
	 * Runs the command over the tenants, or returns {@code null} for a command tenants do not have.
	 */
	Outcome execute(Command command) {
		try {
			return switch (command) {
				case STATUS -> outcome(this.tenants.status(), true);
				case MIGRATE -> outcome(this.tenants.migrate(), false);
				case VALIDATE -> outcome(this.tenants.status(), false);
				case PLAN -> outcome(each(this::plan), false);
				case REPAIR -> {
					each((tenant) -> {
						this.tenants.repair(tenant);
						return null;
					});
					yield outcome(this.tenants.status(), false);
				}
				case BASELINE, RETRY_FAILED, ADOPT, UNDO -> null;
			};
		}
		catch (RuntimeException ex) {
			return new Outcome(null, CommandExecutor.CANNOT_RUN);
		}
	}

	private TenantResult plan(String tenant) {
		PlanResult plan = this.tenants.plan(tenant);
		if (plan.wouldSucceed()) {
			return new TenantResult(tenant, plan.migrations().isEmpty() ? TenantStatus.UP_TO_DATE : TenantStatus.PENDING,
					plan.currentVersion(), 0, null, 0, null, Duration.ZERO);
		}
		return new TenantResult(tenant, TenantStatus.FAILED, plan.currentVersion(), 0, null, 0, "the dry run fails",
				Duration.ZERO);
	}

	private TenantsReport each(Function<String, TenantResult> work) {
		long start = System.nanoTime();
		List<TenantResult> results = new ArrayList<>();
		for (String tenant : this.tenants.tenants()) {
			try {
				TenantResult result = work.apply(tenant);
				if (result != null) {
					results.add(result);
				}
			}
			catch (RuntimeException ex) {
				results.add(new TenantResult(tenant, TenantStatus.FAILED, null, 0, null, 0, ex.getMessage(),
						Duration.ZERO));
			}
		}
		return new TenantsReport(results, Duration.ofNanos(System.nanoTime() - start));
	}

	private static Outcome outcome(TenantsReport report, boolean pendingCounts) {
		int code = (report.failed() > 0) ? CommandExecutor.INVALID
				: (pendingCounts && report.pending() + report.running() > 0) ? CommandExecutor.PENDING
						: CommandExecutor.SUCCESS;
		return new Outcome(TenantsDescriptor.withEveryTenant(report), code);
	}

}
