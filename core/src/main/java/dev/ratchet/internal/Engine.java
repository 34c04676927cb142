package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.AdoptResult;
import dev.ratchet.BaselineResult;
import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.ExecutedMigration;
import dev.ratchet.LintException;
import dev.ratchet.Inspection;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.PlanResult;
import dev.ratchet.PlannedMigration;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.RepairResult;
import dev.ratchet.StatusReport;
import dev.ratchet.ValidationException;
import dev.ratchet.adopt.Adoption;
import dev.ratchet.adopt.ForeignHistory;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.RetryResult;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.DriftTracker;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.internal.StatusCalculator.Outcome;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lock.AdvisoryLock;

/**
 * The engine behind {@link dev.ratchet.Ratchet}. Every operation reads top-down: resolve, lock,
 * read history, validate, preflight and lint, check drift, apply and record, snapshot, report.
 */
public final class Engine {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String BASELINE_DESCRIPTION = "<< Ratchet Baseline >>";

	/** How long a background run waits for the lock: as long as it takes. */
	private static final Duration PATIENCE = Duration.ofDays(3650);

	private final RatchetConfiguration configuration;

	private final MigrationCatalog catalog;

	private final StatusCalculator calculator;

	private final Events events;

	private final Preflight preflight;
	private final StatusReader statusReader;

	public Engine(RatchetConfiguration configuration) {
		this.configuration = configuration;
		this.catalog = new MigrationCatalog(configuration);
		this.calculator = new StatusCalculator(configuration.isOutOfOrder());
		this.events = new Events(configuration.getListeners());
		this.preflight = new Preflight(configuration);
		this.statusReader = new StatusReader(configuration);
	}

	public MigrateResult migrate() {
		return migrate(MigrateScope.ALL);
	}

	/**
	 * Applies the pending migrations before the first pending background data migration, which
	 * waits, with every migration after it, for {@link #migrateBackground()}.
	 */
	public MigrateResult migrateUntilBackground() {
		return migrate(MigrateScope.UNTIL_BACKGROUND);
	}

	/**
	 * Applies the pending background data migrations at the head of the pending migrations, waiting
	 * for the lock as long as it takes (until interrupted). Returns at once, publishing nothing, when
	 * the next pending migration is not a background one.
	 */
	public MigrateResult migrateBackground() {
		return migrate(MigrateScope.BACKGROUND);
	}

	private MigrateResult migrate(MigrateScope scope) {
		long start = System.nanoTime();
		if (scope == MigrateScope.BACKGROUND) {
			List<ResolvedMigration> known = this.catalog.migrations();
			// Nothing to do in the background is no run: it publishes nothing.
			MigrateResult nothing = MigrateScope.anyBackground(known) ? backgroundWithoutLock(known, start)
					: nothingApplied(null, null, start);
			if (nothing != null) {
				return nothing;
			}
		}
		this.events.publish(new MigrationEvent.RunStarted(scope == MigrateScope.BACKGROUND));
		try {
			// The files are read on another thread while this one opens the connection (in this thread, so
			// that a DataSource that routes by thread-bound state sees the caller's).
			CompletableFuture<List<ResolvedMigration>> resolving = this.catalog.migrationsMeanwhile();
			Session opened;
			try {
				opened = open("migrate");
			}
			catch (RuntimeException ex) {
				// A problem with the files is reported first, as it was found first before.
				MigrationCatalog.join(resolving);
				throw ex;
			}
			try (Session session = opened) {
				List<ResolvedMigration> resolved = MigrationCatalog.join(resolving);
				Connection connection = session.connection();
				HistoryTable history = history(session);
				if (scope != MigrateScope.BACKGROUND) {
					PoolerCheck.verifyUrl(session, this.configuration.getPoolerPolicy());
					MigrateResult upToDate = upToDate(scope, resolved, session, start, Duration.ZERO);
					if (upToDate != null) {
						return upToDate;
					}
				}
				try (Session lockSession = open("lock")) {
					long lockStart = System.nanoTime();
					AtomicReference<MigrateResult> doneMeanwhile = new AtomicReference<>();
					AdvisoryLock lock = (scope == MigrateScope.BACKGROUND) ? lockPatiently(lockSession, session, history)
							: lock(lockSession, session, history, () -> {
								doneMeanwhile.set(upToDate(scope, resolved, session, start, elapsed(lockStart)));
								return doneMeanwhile.get() != null;
							});
					if (lock == null) {
						return doneMeanwhile.get();
					}
					Duration lockWait = Duration.ofNanos(System.nanoTime() - lockStart);
					MigrateResult result;
					try {
						Validated validated = readAndValidate(connection, history, resolved);
						Outcome outcome = validated.outcome();
						if (validated.baselined()) {
							logger.info("Baselined schema \"{}\" at version {}", history.getSchema(),
									this.configuration.getBaselineVersion());
						}
						List<ResolvedMigration> pending = scope.select(outcome.pending());
						Preflight.Result preflight = this.preflight.check(pending, session.schema());
						preflight.log(false);
						if (preflight.lint().hasErrors()) {
							throw new LintException(preflight.lint());
						}
						// Created only now, so a run refused by validation or preflight leaves the schema untouched;
						// and only when no rows were read, since rows prove the table exists.
						if (!validated.hasRows()) {
							history.create(connection);
						}
						DriftTracker drift = new DriftTracker(history.getSchema(), history.getTable());
						DriftReport driftReport = drift.check(connection);
						log(driftReport, history.getSchema());
						StatementTimeouts.apply(session, this.configuration);
						List<ExecutedMigration> applied;
						try (LockWatch watch = LockWatch.start(lock, lockSession.connection(), connection,
								this.configuration)) {
							applied = applyAndSnapshot(preflight.plans(), drift,
									new MigrationExecutor(connection, history, this.preflight.scripts(session.schema()),
											session.schema(), watch, LockRetry.of(this.configuration)),
									new BatchedMigrationRunner(connection, session.schema(), history, this.events,
											this.configuration.getDataClock(), watch),
									connection);
						}
						if (scope == MigrateScope.UNTIL_BACKGROUND) {
							deferred(outcome.pending(), pending);
						}
						result = new MigrateResult(session.schema(), outcome.report().currentVersion(),
								newest(outcome.report().currentVersion(), applied), applied, validated.baselined(), lockWait,
								elapsed(start), preflight.lint(), driftReport);
					}
					finally {
						release(lock);
					}
					this.events.publish(new MigrationEvent.RunCompleted(result));
					return result;
				}
			}
		}
		catch (SQLException ex) {
			throw runFailed(databaseError("migrate", ex), start);
		}
		catch (RatchetException ex) {
			throw runFailed(ex, start);
		}
	}

	/**
	 * Runs every pending transactional migration in one transaction and rolls it back, under the lock.
	 */
	public PlanResult plan() {
		long start = System.nanoTime();
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session lockSession = open("lock"); Session session = open("plan")) {
			Connection connection = session.connection();
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, session, history);
			try {
				// Everything from here on, a baseline and the history table included, is rolled back.
				connection.setAutoCommit(false);
				Outcome outcome = readAndValidate(connection, history, resolved).outcome();
				Preflight.Result preflight = this.preflight.check(outcome.pending(), session.schema());
				preflight.log(true);
				history.create(connection);
				StatementTimeouts.apply(session, this.configuration);
				List<PlannedMigration> planned;
				try (LockWatch watch = LockWatch.start(lock, lockSession.connection(), connection,
						this.configuration)) {
					planned = DryRun.run(preflight.plans(), new MigrationExecutor(connection, history,
							this.preflight.scripts(session.schema()), session.schema(), watch,
							LockRetry.of(this.configuration)));
				}
				return new PlanResult(session.schema(), outcome.report().currentVersion(), planned, preflight.lint(),
						elapsed(start));
			}
			finally {
				rollback(connection);
				release(lock);
			}
		}
		catch (SQLException ex) {
			throw databaseError("plan", ex);
		}
	}

	/**
	 * Compares the live schema with the snapshot of the last run, without the lock.
	 */
	public DriftReport drift() {
		try (Session session = open("drift")) {
			return new DriftTracker(session.schema(), this.configuration.getTable()).check(session.connection());
		}
		catch (SQLException ex) {
			throw databaseError("compare the schema with its snapshot", ex);
		}
	}

	public StatusReport status() {
		return read(false).status();
	}

	public Inspection inspect() {
		return read(true);
	}

	private Inspection read(boolean withLockHolder) {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try {
			StatusReader.Reading reading = this.statusReader.read(withLockHolder);
			HistoryTable history = reading.history();
			String problem = (reading.unknownObjects() != null && !this.configuration.isBaselineOnMigrate())
					? SchemaContents.unknownSchemaProblem(history.getSchema(), history.getTable(), reading.unknownObjects())
					: null;
			List<AppliedMigration> rows = reading.rows();
			// Adoption hook: before adoption, status shows the Flyway or Prisma history migrate would adopt.
			ForeignHistory foreign = (reading.unknownObjects() != null)
					? adoption(history.getSchema(), resolved).preview(this.configuration.getDataSource()) : null;
			if (foreign != null) {
				rows = foreign.rows();
				problem = null;
			}
			Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows,
					problem);
			StatusReport computed = outcome.report();
			StatusReport report = new StatusReport(computed.schema(), computed.table(), computed.currentVersion(),
					computed.migrations(), computed.problems(),
					this.preflight.lint(outcome.pending(), history.getSchema()));
			this.events.publish(new MigrationEvent.StatusChecked(report));
			return new Inspection(report, reading.lockHolder());
		}
		catch (SQLException ex) {
			throw databaseError("read the migration history", ex);
		}
	}

	public List<DataMigrationStatus> dataMigrations() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		if (resolved.stream().noneMatch((migration) -> migration.java() instanceof BatchedMigration<?>)) {
			return List.of();
		}
		try (Session session = open("status")) {
			return new DataStatusReader(this.calculator).read(session.connection(), history(session), resolved);
		}
		catch (SQLException ex) {
			throw databaseError("read the progress of data migrations", ex);
		}
	}

	public List<DataMigrationStatus> dataMigrations(StatusReport status) {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		if (resolved.stream().noneMatch((migration) -> migration.java() instanceof BatchedMigration<?>)) {
			return List.of();
		}
		try (Session session = open("status")) {
			return new DataStatusReader(this.calculator).read(session.connection(), history(session), resolved, status);
		}
		catch (SQLException ex) {
			throw databaseError("read the progress of data migrations", ex);
		}
	}

	public List<FailedItem> failedItems(MigrationVersion version, int limit) {
		try (Session session = open("status")) {
			return new FailedItemsTable(history(session)).failedItems(session.connection(), version, limit);
		}
		catch (SQLException ex) {
			throw databaseError("read the failed items of data migration " + version, ex);
		}
	}

	public RetryResult retryFailed() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session lockSession = open("lock"); Session session = open("retry-failed")) {
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, session, history);
			try {
				return new FailedItemRetrier(session.connection(), session.schema(), history, this.events,
						this.configuration.getDataClock())
					.retry(resolved);
			}
			finally {
				release(lock);
			}
		}
		catch (SQLException ex) {
			throw databaseError("retry the failed items of data migrations", ex);
		}
	}

	public RepairResult repair() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session lockSession = open("lock"); Session session = open("repair")) {
			Connection connection = session.connection();
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, session, history);
			try {
				List<AppliedMigration> rows = history.read(connection);
				List<String> removed = new ArrayList<>();
				Map<Integer, String> realign = new LinkedHashMap<>();
				List<String> realigned = new ArrayList<>();
				for (AppliedMigration row : rows) {
					if (!row.success()) {
						removed.add(row.script());
					}
				}
				List<MigrationInfo> changed = this.calculator
					.calculate(history.getSchema(), history.getTable(), resolved, rows, null)
					.report()
					.migrations()
					.stream()
					.filter((info) -> info.state() == MigrationState.CHANGED)
					.toList();
				for (MigrationInfo info : changed) {
					for (ResolvedMigration migration : resolved) {
						if (info.version().equals(migration.descriptor().version())) {
							realign.put(info.installedRank(), migration.descriptor().checksum());
							realigned.add(info.script());
						}
					}
				}
				connection.setAutoCommit(false);
				history.deleteFailed(connection);
				for (Map.Entry<Integer, String> entry : realign.entrySet()) {
					history.updateChecksum(connection, entry.getKey(), entry.getValue());
				}
				connection.commit();
				connection.setAutoCommit(true);
				removed.forEach((script) -> logger.warn("Repair removed the failed entry of {}", script));
				realigned.forEach((script) -> logger.warn("Repair realigned the checksum of {} to its current file", script));
				List<SchemaDifference> accepted = new DriftTracker(history.getSchema(), history.getTable())
					.accept(connection);
				accepted.forEach((difference) -> logger.warn("Repair accepted drift: {}", difference));
				return new RepairResult(removed, realigned, accepted);
			}
			finally {
				release(lock);
			}
		}
		catch (SQLException ex) {
			throw databaseError("repair the migration history", ex);
		}
	}

	public BaselineResult baseline() {
		try (Session lockSession = open("lock"); Session session = open("baseline")) {
			Connection connection = session.connection();
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, session, history);
			try {
				List<AppliedMigration> rows = history.read(connection);
				for (AppliedMigration row : rows) {
					if (row.type() == MigrationType.BASELINE && row.version().equals(this.configuration.getBaselineVersion())) {
						return new BaselineResult(row.version(), false);
					}
				}
				if (!rows.isEmpty()) {
					throw new RatchetException("Cannot baseline schema \"" + history.getSchema() + "\": its history "
							+ history.getQualifiedName() + " already has " + rows.size() + " entries. A baseline is for a "
							+ "schema that has none; migrate it instead.");
				}
				history.create(connection);
				insertBaseline(connection, history);
				new DriftTracker(history.getSchema(), history.getTable()).accept(connection);
				return new BaselineResult(this.configuration.getBaselineVersion(), true);
			}
			finally {
				release(lock);
			}
		}
		catch (SQLException ex) {
			throw databaseError("baseline", ex);
		}
	}

	/**
	 * Returns the result of a run that finds, without the lock, that it has nothing to apply, or
	 * {@code null} to take the lock and go on. That is what most start-ups and every instance that
	 * waited behind the one that migrated find: one read of the history and the drift check, with no
	 * lock session and no waiting in line for the lock. Anything else goes the locked way, which reads
	 * everything again under the lock: a history without rows (it may need creating or a baseline),
	 * a history that does not validate (a failed or running migration, say), a pending migration in
	 * the scope, no drift snapshot yet (it is taken under the lock), or drift (possibly another
	 * instance's migration in progress, so it is confirmed under the lock). At start-up with a
	 * background migration next, there is nothing to do either way, and no waiting for the lock:
	 * another instance may be running that migration, holding the lock for hours.
	 */
	private MigrateResult upToDate(MigrateScope scope, List<ResolvedMigration> resolved, Session session, long start,
			Duration lockWait) throws SQLException {
		HistoryTable history = history(session);
		List<AppliedMigration> rows = history.read(session.connection());
		Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows, null);
		if (!outcome.report().isValid()) {
			return null;
		}
		DriftReport drift = DriftReport.NO_SNAPSHOT;
		if (!(scope == MigrateScope.UNTIL_BACKGROUND && scope.skipsLock(outcome.pending()))) {
			if (rows.isEmpty() || !scope.select(outcome.pending()).isEmpty()) {
				return null;
			}
			drift = new DriftTracker(history.getSchema(), history.getTable()).check(session.connection());
			if (!drift.hasSnapshot() || drift.isDrifted()) {
				return null;
			}
		}
		MigrationVersion current = outcome.report().currentVersion();
		MigrateResult result = new MigrateResult(session.schema(), current, current, List.of(), false, lockWait,
				elapsed(start), LintReport.EMPTY, drift);
		if (scope == MigrateScope.UNTIL_BACKGROUND) {
			deferred(outcome.pending(), List.of());
		}
		this.events.publish(new MigrationEvent.RunCompleted(result));
		return result;
	}

	/**
	 * Reads the history without the lock and returns the result of a background run with nothing to
	 * do (the next pending migration is not a background one), or {@code null} to take the lock and go on.
	 */
	private MigrateResult backgroundWithoutLock(List<ResolvedMigration> resolved, long start) {
		try (Session session = open("status")) {
			HistoryTable history = history(session);
			Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved,
					history.read(session.connection()), null);
			if (!outcome.report().isValid() || !MigrateScope.BACKGROUND.skipsLock(outcome.pending())) {
				return null;
			}
			return nothingApplied(session.schema(), outcome.report().currentVersion(), start);
		}
		catch (SQLException ex) {
			throw databaseError("read the migration history", ex);
		}
	}

	private MigrateResult nothingApplied(String schema, MigrationVersion version, long start) {
		return new MigrateResult(schema, version, version, List.of(), false, Duration.ZERO, elapsed(start));
	}

	private void deferred(List<ResolvedMigration> pending, List<ResolvedMigration> applied) {
		List<MigrationDescriptor> rest = pending.stream()
			.filter((migration) -> !applied.contains(migration))
			.map(ResolvedMigration::descriptor)
			.toList();
		if (!rest.isEmpty()) {
			this.events.publish(new MigrationEvent.MigrationDeferred(rest.get(0), rest.subList(1, rest.size())));
		}
	}

	/**
	 * The history read and checked against the resolved migrations.
	 * @param outcome the status and the pending work
	 * @param baselined whether a baseline was recorded first
	 * @param hasRows whether the history table had rows (so it exists)
	 */
	private record Validated(Outcome outcome, boolean baselined, boolean hasRows) {
	}

	private Validated readAndValidate(Connection connection, HistoryTable history, List<ResolvedMigration> resolved)
			throws SQLException {
		List<AppliedMigration> rows = history.read(connection);
		// Only a schema without a history table is unknown: an empty history (after a repair, say)
		// means Ratchet has been here, and leftovers are the user's to clean up.
		boolean baselined = false;
		if (rows.isEmpty() && !history.exists(connection)) {
			// Adoption hook: a Flyway or Prisma history is taken over first (dev.ratchet.adopt).
			if (adoption(history.getSchema(), resolved).adoptIfPresent(connection, history) != null) {
				rows = history.read(connection);
			}
			else if (baselineUnknownSchema(connection, history)) {
				baselined = true;
				rows = history.read(connection);
			}
		}
		Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows, null);
		if (!outcome.report().isValid()) {
			throw new ValidationException(outcome.report());
		}
		return new Validated(outcome, baselined, !rows.isEmpty());
	}

	private Adoption adoption(String schema, List<ResolvedMigration> resolved) {
		return new Adoption(this.configuration, schema,
				resolved.stream().map(ResolvedMigration::file).filter(Objects::nonNull).toList());
	}

	/**
	 * Adopts a Flyway or Prisma history under the lock, and nothing else: the {@code adopt} command.
	 */
	public AdoptResult adopt() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session lockSession = open("lock"); Session session = open("adopt")) {
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, session, history);
			try {
				return adoption(history.getSchema(), resolved).adopt(session.connection(), history);
			}
			finally {
				release(lock);
			}
		}
		catch (SQLException ex) {
			throw databaseError("adopt the migration history", ex);
		}
	}

	private boolean baselineUnknownSchema(Connection connection, HistoryTable history) throws SQLException {
		String objects = SchemaContents.describeObjects(connection, history.getSchema(), history.getTable());
		if (objects == null) {
			return false;
		}
		if (!this.configuration.isBaselineOnMigrate()) {
			String problem = SchemaContents.unknownSchemaProblem(history.getSchema(), history.getTable(), objects);
			throw new ValidationException(this.calculator
				.calculate(history.getSchema(), history.getTable(), this.catalog.migrations(), List.of(), problem)
				.report());
		}
		history.create(connection);
		insertBaseline(connection, history);
		return true;
	}

	private void insertBaseline(Connection connection, HistoryTable history) throws SQLException {
		history.insert(connection, new MigrationDescriptor(this.configuration.getBaselineVersion(), BASELINE_DESCRIPTION,
				MigrationType.BASELINE, BASELINE_DESCRIPTION, null), 0, null);
	}

	private List<ExecutedMigration> applyAndSnapshot(Map<ResolvedMigration, ScriptPlan> plans, DriftTracker drift,
			MigrationExecutor executor, BatchedMigrationRunner batches, Connection connection) throws SQLException {
		List<ExecutedMigration> applied;
		try {
			applied = apply(plans, executor, batches);
		}
		catch (MigrationFailedException ex) {
			try {
				// What the run applied before the failure is Ratchet's doing, not drift.
				drift.recordRun(connection, true);
			}
			catch (SQLException | RuntimeException snapshotFailure) {
				ex.addSuppressed(snapshotFailure);
			}
			throw ex;
		}
		drift.recordRun(connection, !applied.isEmpty());
		return applied;
	}

	private List<ExecutedMigration> apply(Map<ResolvedMigration, ScriptPlan> plans, MigrationExecutor executor,
			BatchedMigrationRunner batches) {
		List<ExecutedMigration> applied = new ArrayList<>();
		for (Map.Entry<ResolvedMigration, ScriptPlan> entry : plans.entrySet()) {
			MigrationDescriptor migration = entry.getKey().descriptor();
			this.events.publish(new MigrationEvent.MigrationStarted(migration));
			long start = System.nanoTime();
			try {
				ExecutedMigration executed = (entry.getKey().java() instanceof BatchedMigration<?>)
						? batches.run(entry.getKey()) : executor.apply(entry.getKey(), entry.getValue());
				if (executed == null) {
					// Interrupted between two batches: what was committed stays, and the next run continues.
					break;
				}
				applied.add(executed);
				this.events.publish(new MigrationEvent.MigrationApplied(migration, executed.executionTime()));
			}
			catch (MigrationFailedException ex) {
				this.events.publish(new MigrationEvent.MigrationFailed(migration, elapsed(start), ex));
				throw ex;
			}
		}
		return applied;
	}

	private static void log(DriftReport drift, String schema) {
		if (drift.isDrifted()) {
			logger.warn("Schema \"{}\" differs from the snapshot Ratchet took after its run of {}; these changes were "
					+ "made outside Ratchet's migrations:", schema, drift.snapshotTakenOn());
			drift.differences().forEach((difference) -> logger.warn("  {}", difference));
		}
	}

	private Session open(String role) {
		return Session.open(this.configuration.getDataSource(), role, this.configuration.getSchema());
	}

	private HistoryTable history(Session session) {
		return new HistoryTable(session.schema(), this.configuration.getTable());
	}

	private AdvisoryLock lock(Session lockSession, Session session, HistoryTable history) throws SQLException {
		return lock(lockSession, session, history, () -> false);
	}

	private AdvisoryLock lock(Session lockSession, Session session, HistoryTable history, AdvisoryLock.Done done)
			throws SQLException {
		return lock(lockSession, session, history, this.configuration.getLockWaitTimeout(),
				(holder, waited) -> this.events.publish(new MigrationEvent.LockWaiting(holder, waited)), done);
	}

	/**
	 * Waits for the lock as long as it takes, telling listeners once: a background run may wait
	 * behind another instance's background run for hours.
	 */
	private AdvisoryLock lockPatiently(Session lockSession, Session session, HistoryTable history)
			throws SQLException {
		AtomicBoolean told = new AtomicBoolean();
		return lock(lockSession, session, history, PATIENCE, (holder, waited) -> {
			if (told.compareAndSet(false, true)) {
				this.events.publish(new MigrationEvent.LockWaiting(holder, waited));
			}
		}, () -> false);
	}

	/**
	 * Takes the lock, or returns {@code null} when {@code done} tells, after a wait, that the lock
	 * is no longer needed.
	 */
	private AdvisoryLock lock(Session lockSession, Session session, HistoryTable history, Duration timeout,
			BiConsumer<String, Duration> waiting, AdvisoryLock.Done done) throws SQLException {
		PoolerCheck.verify(lockSession, session, this.configuration.getPoolerPolicy());
		long start = System.nanoTime();
		try {
			AdvisoryLock lock = AdvisoryLock.acquire(lockSession.connection(),
					AdvisoryLock.keyFor(history.getSchema(), history.getTable()), timeout, waiting, done);
			if (lock != null) {
				this.events.publish(new MigrationEvent.LockAcquired(elapsed(start)));
			}
			return lock;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RatchetException("Interrupted while waiting for the migration lock", ex);
		}
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// The connection is broken; closing it ends the transaction, and PostgreSQL rolls it back.
			logger.debug("Could not roll back the dry run explicitly", ex);
		}
	}

	private static void release(AdvisoryLock lock) {
		try {
			lock.close();
		}
		catch (SQLException ex) {
			// Closing the session ends it, and PostgreSQL releases the lock with it.
			logger.debug("Could not release the migration lock explicitly", ex);
		}
	}

	private RatchetException runFailed(RatchetException ex, long start) {
		this.events.publish(new MigrationEvent.RunFailed(ex, elapsed(start)));
		return ex;
	}

	private static RatchetException databaseError(String action, SQLException ex) {
		return new DatabaseConnectionException("Ratchet could not " + action + ": " + SqlErrors.describe(ex), ex);
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

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
