package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.LintException;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationVersion;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * {@code migrate}: resolve (while the connection opens), check without the lock whether anything is
 * to be done, lock, read and validate the history, preflight and lint, check drift, apply and
 * record, snapshot, report.
 */
final class MigrateOperation {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final OperationRunner runner;

	private final MigrationCatalog catalog;

	private final Preflight preflight;

	private final HistoryCheck historyCheck;

	private final LockFreeCheck lockFree;

	MigrateOperation(OperationRunner runner, MigrationCatalog catalog, StatusCalculator calculator,
			Preflight preflight) {
		this.runner = runner;
		this.catalog = catalog;
		this.preflight = preflight;
		this.historyCheck = new HistoryCheck(runner.configuration(), calculator);
		this.lockFree = new LockFreeCheck(runner, calculator);
	}

	MigrateResult migrate(MigrateScope scope) {
		return migrate(scope, null);
	}

	/**
	 * Migrates, taking the lock on the tenants' shared lock session when one is given.
	 */
	MigrateResult migrate(MigrateScope scope, SharedLockSession shared) {
		long start = System.nanoTime();
		if (scope == MigrateScope.BACKGROUND) {
			// Nothing to do in the background is no run: it publishes nothing.
			MigrateResult idle = this.lockFree.backgroundIdle(this.catalog.migrations(), start);
			if (idle != null) {
				return idle;
			}
		}
		return this.runner.reported(scope == MigrateScope.BACKGROUND, start, () -> run(scope, start, shared));
	}

	private MigrateResult run(MigrateScope scope, long start, SharedLockSession shared) throws SQLException {
		// The files are read on another thread while this one opens the connection (in this thread, so
		// that a DataSource that routes by thread-bound state sees the caller's).
		CompletableFuture<List<ResolvedMigration>> resolving = this.catalog.migrationsMeanwhile();
		Session opened;
		try {
			opened = this.runner.open("migrate");
		}
		catch (RuntimeException ex) {
			// A problem with the files is reported first, as it was found first before.
			MigrationCatalog.join(resolving);
			throw ex;
		}
		try (Session session = opened) {
			List<ResolvedMigration> resolved = MigrationCatalog.join(resolving);
			LockRequest request;
			AtomicReference<MigrateResult> doneMeanwhile = new AtomicReference<>();
			// While another instance holds the lock, this one helps with its parallel data migration.
			ParallelJoin join = new ParallelJoin(this.runner.configuration(), this.runner.events(), session,
					this.runner.target(session), resolved);
			if (scope == MigrateScope.BACKGROUND) {
				request = LockRequest.patient(this.runner.events()).until(join);
			}
			else {
				PoolerCheck.verifyUrl(session, this.runner.configuration().getPoolerPolicy());
				MigrateResult upToDate = this.lockFree.upToDate(scope, resolved, session, start, Duration.ZERO);
				if (upToDate != null) {
					return upToDate;
				}
				long lockStart = System.nanoTime();
				request = this.runner.standardWait().until(() -> {
					join.done();
					doneMeanwhile.set(this.lockFree.upToDate(scope, resolved, session, start,
							OperationRunner.elapsed(lockStart)));
					return doneMeanwhile.get() != null;
				});
			}
			MigrateResult result = this.runner.locked(session, shared, request, (run) -> apply(run, scope, resolved, start));
			return (result != null) ? result : doneMeanwhile.get();
		}
	}

	private MigrateResult apply(Run run, MigrateScope scope, List<ResolvedMigration> resolved, long start)
			throws SQLException {
		Connection connection = run.connection();
		HistoryTable history = run.history();
		HistoryCheck.Validated validated = this.historyCheck.readAndValidate(connection, history, resolved);
		Outcome outcome = validated.outcome();
		if (validated.baselined()) {
			logger.info("Baselined schema \"{}\" at version {}", run.schema(),
					run.configuration().getBaselineVersion());
		}
		List<ResolvedMigration> pending = scope.select(Target.of(run.configuration()).select(outcome.pending()));
		Preflight.Result preflight = this.preflight.check(pending, run.schema());
		preflight.log(false);
		if (preflight.lint().hasErrors()) {
			throw new LintException(preflight.lint());
		}
		// Created only now, so a run refused by validation or preflight leaves the schema untouched;
		// and only when no rows were read, since rows prove the table exists.
		if (validated.schemaMissing()) {
			history.createWithSchema(connection);
		}
		else if (validated.tableMissing()) {
			history.createMissing(connection);
		}
		else if (!validated.hasRows()) {
			history.create(connection);
		}
		else {
			history.upgrade(connection);
		}
		DriftTracker drift = DriftSettings.tracker(run.configuration(), run.schema(), history.getTable());
		// A schema created just now holds no snapshot to compare with.
		DriftReport driftReport = validated.schemaMissing() ? DriftReport.NO_SNAPSHOT : drift.check(connection);
		log(driftReport, run.schema());
		List<ExecutedMigration> applied = run.executing(this.preflight, (executor, watch) -> {
			BatchedMigrationRunner batches = new BatchedMigrationRunner(connection, run.schema(), history, run.events(),
					run.configuration(), watch);
			return new Applier(executor, batches, run.events()).applyAndSnapshot(preflight.plans(), drift, connection);
		});
		if (scope == MigrateScope.UNTIL_BACKGROUND) {
			deferred(run.events(), outcome.pending(), pending);
		}
		MigrationVersion current = outcome.report().currentVersion();
		return new MigrateResult(run.schema(), current, newest(current, applied), applied, validated.baselined(),
				run.lockWait(), OperationRunner.elapsed(start), preflight.lint(), driftReport);
	}

	/**
	 * Tells listeners which pending migrations wait for the background run.
	 */
	static void deferred(Events events, List<ResolvedMigration> pending, List<ResolvedMigration> applied) {
		List<MigrationDescriptor> rest = pending.stream()
			.filter((migration) -> !applied.contains(migration))
			.map(ResolvedMigration::descriptor)
			.toList();
		if (!rest.isEmpty()) {
			events.publish(new MigrationEvent.MigrationDeferred(rest.get(0), rest.subList(1, rest.size())));
		}
	}

	private static void log(DriftReport drift, String schema) {
		if (drift.isDrifted()) {
			logger.warn("Schema \"{}\" differs from the snapshot Ratchet took after its run of {}; these changes were "
					+ "made outside Ratchet's migrations:", schema, drift.snapshotTakenOn());
			drift.differences().forEach((difference) -> logger.warn("  {}", difference));
		}
	}

	private static MigrationVersion newest(MigrationVersion current, List<ExecutedMigration> applied) {
		MigrationVersion newest = current;
		for (ExecutedMigration executed : applied) {
			MigrationVersion version = executed.migration().version();
			if (version != null && (newest == null || version.compareTo(newest) > 0)) {
				newest = version;
			}
		}
		return newest;
	}

}
