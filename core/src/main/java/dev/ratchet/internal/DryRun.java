package dev.ratchet.internal;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;
import dev.ratchet.PlanOutcome;
import dev.ratchet.PlannedMigration;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;

/**
 * Runs pending migrations one after the other inside the caller's transaction, each with its
 * history row so later ones see earlier ones' effects, until one fails. Each ends as its commit
 * would ({@link DryRunCommit}), so that {@code plan} and {@code migrate} agree; what fails only
 * because the migrations share one transaction is reported as not dry-runnable, not as a failure.
 * The caller rolls back.
 */
final class DryRun {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private DryRun() {
	}

	/** An enum value added in the transaction was used before that transaction committed. */
	private static final String UNSAFE_NEW_ENUM_VALUE = "55P04";

	static List<PlannedMigration> run(Map<ResolvedMigration, ScriptPlan> plans, MigrationExecutor executor,
			DryRunCommit commit) throws SQLException {
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
			else if (entry.getKey().java() instanceof BatchedMigration<?>) {
				result = new PlannedMigration(migration, PlanOutcome.CANNOT_DRY_RUN, Duration.ZERO,
						"Cannot be dry-run: it is a batched data migration, which commits batch by batch.", null);
			}
			else if (plan != null && !plan.transactional()) {
				result = new PlannedMigration(migration, PlanOutcome.CANNOT_DRY_RUN, Duration.ZERO,
						"Cannot be dry-run: it runs without a transaction, because " + plan.whyNotTransactional() + ".",
						null);
			}
			else {
				result = dryRun(entry.getKey(), executor, commit);
				failed = (result.outcome() == PlanOutcome.WOULD_FAIL) ? migration.script() : null;
			}
			log(result);
			planned.add(result);
		}
		return planned;
	}

	private static PlannedMigration dryRun(ResolvedMigration migration, MigrationExecutor executor,
			DryRunCommit commit) throws SQLException {
		long start = System.nanoTime();
		MigrationDescriptor d = migration.descriptor();
		Savepoint savepoint = commit.begin();
		MigrationFailure failure;
		String when;
		try {
			executor.dryRun(migration);
			commit.commit(savepoint);
			return new PlannedMigration(d, PlanOutcome.WOULD_SUCCEED, elapsed(start), null, null);
		}
		catch (MigrationFailedException ex) {
			commit.rollback(savepoint);
			failure = ex.getFailure();
			when = "";
		}
		catch (SQLException ex) {
			commit.rollback(savepoint);
			String message = SqlErrors.parse(ex).message();
			failure = new MigrationFailure(0, ex.getSQLState(), message, null, ErrorHints.hint(ex.getSQLState(), message));
			when = " at commit";
		}
		if (UNSAFE_NEW_ENUM_VALUE.equals(failure.sqlState()) && commit.enumValuesAdded()) {
			return new PlannedMigration(d, PlanOutcome.CANNOT_DRY_RUN, elapsed(start), "Cannot be dry-run in one "
					+ "transaction with the migrations before it: it uses an enum value one of them adds, which "
					+ "PostgreSQL lets only a later transaction use (SQLSTATE 55P04). migrate commits that migration "
					+ "first, so this is no failure.", null);
		}
		return new PlannedMigration(d, PlanOutcome.WOULD_FAIL, elapsed(start), describe(d, failure, when), failure);
	}

	private static String describe(MigrationDescriptor migration, MigrationFailure failure, String when) {
		StringBuilder reason = new StringBuilder(migration.script()).append(" would fail").append(when);
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
