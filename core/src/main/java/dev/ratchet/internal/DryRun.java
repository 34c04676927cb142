package dev.ratchet.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.PlanFailure;
import dev.ratchet.PlanOutcome;
import dev.ratchet.PlannedMigration;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;

/**
 * Runs pending migrations one after the other inside the caller's transaction, each with its
 * history row so later ones see earlier ones' effects, until one fails. The caller rolls back.
 */
final class DryRun {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private DryRun() {
	}

	static List<PlannedMigration> run(Map<ResolvedMigration, ScriptPlan> plans, MigrationExecutor executor) {
		List<PlannedMigration> planned = new ArrayList<>();
		String failed = null;
		for (Map.Entry<ResolvedMigration, ScriptPlan> entry : plans.entrySet()) {
			MigrationDescriptor migration = entry.getKey().descriptor();
			ScriptPlan plan = entry.getValue();
			PlannedMigration result;
			if (failed != null) {
				result = new PlannedMigration(migration, PlanOutcome.NOT_REACHED, Duration.ZERO,
						"Not tried: " + failed + " would fail first.", null);
			}
			else if (plan != null && !plan.transactional()) {
				result = new PlannedMigration(migration, PlanOutcome.CANNOT_DRY_RUN, Duration.ZERO,
						"Cannot be dry-run: it runs without a transaction, because " + plan.whyNotTransactional() + ".",
						null);
			}
			else {
				result = dryRun(entry.getKey(), executor);
				failed = (result.outcome() == PlanOutcome.WOULD_FAIL) ? migration.script() : null;
			}
			log(result);
			planned.add(result);
		}
		return planned;
	}

	private static PlannedMigration dryRun(ResolvedMigration migration, MigrationExecutor executor) {
		long start = System.nanoTime();
		try {
			executor.dryRun(migration);
			return new PlannedMigration(migration.descriptor(), PlanOutcome.WOULD_SUCCEED, elapsed(start), null, null);
		}
		catch (MigrationFailedException ex) {
			PlanFailure failure = new PlanFailure(ex.getLine(), ex.getSqlState(), ex.getServerMessage(),
					ex.getStatement(), ex.getHint());
			return new PlannedMigration(migration.descriptor(), PlanOutcome.WOULD_FAIL, elapsed(start),
					describe(migration.descriptor(), failure), failure);
		}
	}

	private static String describe(MigrationDescriptor migration, PlanFailure failure) {
		StringBuilder reason = new StringBuilder(migration.script()).append(" would fail");
		if (failure.line() > 0) {
			reason.append(" at line ").append(failure.line());
		}
		reason.append(": ").append(failure.message());
		if (failure.sqlState() != null) {
			reason.append(" (SQLSTATE ").append(failure.sqlState()).append(')');
		}
		if (failure.hint() != null) {
			reason.append(". ").append(failure.hint());
		}
		return reason.toString();
	}

	private static void log(PlannedMigration planned) {
		switch (planned.outcome()) {
			case WOULD_SUCCEED -> logger.info("Plan: {} would succeed ({} ms)", planned.migration().script(),
					planned.executionTime().toMillis());
			case WOULD_FAIL -> logger.error("Plan: {}", planned.reason());
			default -> logger.warn("Plan: {} {}", planned.migration().script(), planned.reason());
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
