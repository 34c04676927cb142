package dev.ratchet.boot.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.AdoptResult;
import dev.ratchet.BaselineResult;
import dev.ratchet.ExecutedMigration;
import dev.ratchet.Inspection;
import dev.ratchet.LintException;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.PlanResult;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetException;
import dev.ratchet.RepairResult;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;
import dev.ratchet.UndoRefusedException;
import dev.ratchet.UndoResult;
import dev.ratchet.ValidationException;
import dev.ratchet.data.RetryResult;
import dev.ratchet.boot.command.Command;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.LintDescriptor;
import dev.ratchet.boot.report.LockDescriptor;
import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.boot.report.MigrationsDescriptor;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.lint.LintReport;

/**
 * Runs one command against the engine and turns the outcome, failures included, into a
 * {@link CommandReport} with the exit code of the contract.
 */
final class CommandExecutor {

	static final int SUCCESS = 0;

	static final int PENDING = 1;

	static final int INVALID = 2;

	static final int CANNOT_RUN = 3;

	/** How many items of a ledger of failed items a report shows. */
	static final int FAILED_ITEMS_SHOWN = 20;

	private static final Log logger = LogFactory.getLog(CommandExecutor.class);

	private final Ratchet ratchet;

	private final boolean undoPlan;

	private final List<String> completeCancelled;

	/**
	 * Creates an executor.
	 * @param ratchet the engine
	 * @param undoPlan whether {@code plan} plans the undo to the target ({@code ratchet.undo=true})
	 * @param completeCancelled the cancelled data migrations {@code repair} records as completed
	 * ({@code ratchet.repair.complete-cancelled})
	 */
	CommandExecutor(Ratchet ratchet, boolean undoPlan, List<String> completeCancelled) {
		this.ratchet = ratchet;
		this.undoPlan = undoPlan;
		this.completeCancelled = List.copyOf(completeCancelled);
	}

	CommandReport execute(Command command) {
		String name = command.name().toLowerCase(Locale.ROOT).replace('_', '-');
		if (command == Command.PLAN && this.undoPlan) {
			name = "plan-undo";
		}
		String target = this.ratchet.getConfiguration().getTarget();
		try {
			return switch (command) {
				case STATUS -> status(name, this.ratchet.inspect(), this.ratchet.drift());
				case VALIDATE -> report(name, SUCCESS, this.ratchet.validate());
				case MIGRATE -> migrate(name, this.ratchet.migrate());
				case PLAN -> plan(name, this.undoPlan ? this.ratchet.planUndo(target) : this.ratchet.plan());
				case REPAIR -> repair(name, this.ratchet.repair(this.completeCancelled));
				case BASELINE -> baseline(name, this.ratchet.baseline());
				case RETRY_FAILED -> retryFailed(name, this.ratchet.retryFailed());
				case ADOPT -> adopt(name, this.ratchet.adopt());
				case UNDO -> undo(name, this.ratchet.undo(target));
			};
		}
		catch (ValidationException ex) {
			return failure(name, INVALID, ex.getReport(), ex.getReport().lint(), ex);
		}
		catch (UndoRefusedException ex) {
			StatusReport status = statusOrNull();
			return new CommandReport(name, INVALID, (status != null) ? describe(status) : null, ex.getProblems(), null,
					null, null, null, null, null, CommandReport.Error.of(ex));
		}
		catch (LintException ex) {
			return failure(name, INVALID, statusOrNull(), ex.getReport(), ex);
		}
		catch (MigrationFailedException | MigrationResolutionException ex) {
			StatusReport status = (ex instanceof MigrationFailedException) ? statusOrNull() : null;
			return failure(name, INVALID, status, (status != null) ? status.lint() : null, ex);
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof RatchetException)) {
				logger.error("Ratchet command " + name + " could not run", ex);
			}
			return failure(name, CANNOT_RUN, null, null, ex);
		}
	}

	private CommandReport status(String name, Inspection inspection, DriftReport drift) {
		StatusReport status = inspection.status();
		SchemaStatus overall = status.status();
		int code = switch (overall) {
			case UP_TO_DATE -> SUCCESS;
			case PENDING, RUNNING -> PENDING;
			case FAILED, INVALID -> INVALID;
		};
		return new CommandReport(name, drift.isDrifted() ? INVALID : code, describe(inspection),
				LockDescriptor.of(inspection.lockHolder()), status.problems(), LintDescriptor.of(status.lint()),
				DriftDescriptor.of(drift), null, null, null, null, null, null);
	}

	private CommandReport migrate(String name, MigrateResult result) {
		List<CommandReport.Applied> applied = applied(result.applied());
		StatusReport after = this.ratchet.status();
		return new CommandReport(name, SUCCESS, describe(after), after.problems(),
				LintDescriptor.of(result.lint()), DriftDescriptor.of(result.drift()), applied, null, null, null, null);
	}

	private CommandReport undo(String name, UndoResult result) {
		List<CommandReport.Applied> undone = applied(result.undone());
		StatusReport after = this.ratchet.status();
		return new CommandReport(name, SUCCESS, describe(after), after.problems(), LintDescriptor.of(result.lint()),
				null, undone, null, null, null, null);
	}

	private static List<CommandReport.Applied> applied(List<ExecutedMigration> executed) {
		return executed.stream()
			.map((step) -> new CommandReport.Applied(Objects.toString(step.migration().version(), null),
					step.migration().description(), step.migration().type(), step.migration().script(),
					step.executionTime().toMillis()))
			.toList();
	}

	private CommandReport plan(String name, PlanResult plan) {
		StatusReport status = this.ratchet.status();
		List<CommandReport.Planned> planned = plan.migrations().stream().map(CommandReport.Planned::of).toList();
		return new CommandReport(name, plan.wouldSucceed() ? SUCCESS : INVALID, describe(status),
				status.problems(), LintDescriptor.of(plan.lint()), null, null, planned, null, null, null);
	}

	private CommandReport repair(String name, RepairResult result) {
		StatusReport status = this.ratchet.status();
		return new CommandReport(name, SUCCESS, describe(status), status.problems(),
				LintDescriptor.of(status.lint()), null, null, null,
				new CommandReport.Repair(result.removedFailures(), result.realignedChecksums(),
						DriftDescriptor.differences(result.acceptedDrift()), result.completedCancelled(),
						result.leftCancelled()),
				null, null);
	}

	private CommandReport baseline(String name, BaselineResult result) {
		StatusReport status = this.ratchet.status();
		return new CommandReport(name, SUCCESS, describe(status), status.problems(),
				LintDescriptor.of(status.lint()), null, null, null, null,
				new CommandReport.Baseline(result.version().toString(), result.created()), null);
	}

	private CommandReport adopt(String name, AdoptResult result) {
		// 0 adopted, 2 adopted but something is changed or failed, 3 nothing to adopt
		int code = !result.isAdopted() ? CANNOT_RUN : result.needsRepair() ? INVALID : SUCCESS;
		StatusReport status = this.ratchet.status();
		return new CommandReport(name, code, describe(status), status.problems(), null, null, null, null, null, null,
				null, null, CommandReport.Adoption.of(result));
	}

	private CommandReport report(String name, int code, StatusReport status) {
		return new CommandReport(name, code, describe(status), status.problems(),
				LintDescriptor.of(status.lint()), null, null, null, null, null, null);
	}

	private CommandReport failure(String name, int code, StatusReport status, LintReport lint, RuntimeException ex) {
		return new CommandReport(name, code, (status != null) ? describe(status) : null,
				(status != null) ? status.problems() : null, (lint != null) ? LintDescriptor.of(lint) : null, null, null,
				null, null, null, CommandReport.Error.of(ex));
	}

	private CommandReport retryFailed(String name, RetryResult result) {
		StatusReport status = this.ratchet.status();
		List<CommandReport.Retried> retried = result.migrations().stream().map(CommandReport.Retried::of).toList();
		return new CommandReport(name, (result.stillFailing() > 0) ? INVALID : SUCCESS, describe(status),
				status.problems(), null, null, null, null, null, null, retried, null);
	}

	private MigrationsDescriptor describe(Inspection inspection) {
		try {
			return MigrationsDescriptor.of(inspection,
					DataMigrationDescriptor.of(this.ratchet, inspection.status(), FAILED_ITEMS_SHOWN));
		}
		catch (RatchetException ex) {
			logger.warn("Could not read the progress of data migrations: " + ex.getMessage());
			return MigrationsDescriptor.of(inspection, List.of());
		}
	}

	private MigrationsDescriptor describe(StatusReport status) {
		try {
			return MigrationsDescriptor.of(status, DataMigrationDescriptor.of(this.ratchet, status, FAILED_ITEMS_SHOWN));
		}
		catch (RatchetException ex) {
			logger.warn("Could not read the progress of data migrations: " + ex.getMessage());
			return MigrationsDescriptor.of(status);
		}
	}

	private StatusReport statusOrNull() {
		try {
			return this.ratchet.status();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
