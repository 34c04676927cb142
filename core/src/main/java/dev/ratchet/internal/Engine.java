package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.BaselineResult;
import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.ExecutedMigration;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.RepairResult;
import dev.ratchet.StatusReport;
import dev.ratchet.ValidationException;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.RetryResult;
import dev.ratchet.history.DataMigrationTables;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.internal.StatusCalculator.Outcome;
import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.sql.Placeholders;

/**
 * The engine behind {@link dev.ratchet.Ratchet}. Every operation reads top-down: resolve, lock,
 * read history, validate, plan, apply and record, report.
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

	public Engine(RatchetConfiguration configuration) {
		this.configuration = configuration;
		this.catalog = new MigrationCatalog(configuration);
		this.calculator = new StatusCalculator(configuration.isOutOfOrder());
		this.events = new Events(configuration.getListeners());
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
		if (scope == MigrateScope.BACKGROUND && !MigrateScope.anyBackground(this.catalog.migrations())) {
			return nothingApplied(null, null, start);
		}
		try {
			List<ResolvedMigration> resolved = this.catalog.migrations();
			if (scope != MigrateScope.ALL && MigrateScope.anyBackground(resolved)) {
				MigrateResult skipped = withoutLock(scope, resolved, start);
				if (skipped != null) {
					return skipped;
				}
			}
			try (Session lockSession = open("lock"); Session session = open("migrate")) {
				Connection connection = session.connection();
				HistoryTable history = history(session);
				long lockStart = System.nanoTime();
				AdvisoryLock lock = (scope == MigrateScope.BACKGROUND) ? lockPatiently(lockSession, history)
						: lock(lockSession, history);
				Duration lockWait = Duration.ofNanos(System.nanoTime() - lockStart);
				MigrateResult result;
				try {
					List<AppliedMigration> rows = history.read(connection);
					// Only a schema without a history table is unknown: an empty history (after a repair,
					// say) means Ratchet has been here, and leftovers are the user's to clean up.
					boolean baselined = rows.isEmpty() && !history.exists(connection)
							&& baselineUnknownSchema(connection, history);
					history.create(connection);
					if (baselined) {
						rows = history.read(connection);
					}
					Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows,
							null);
					if (!outcome.report().isValid()) {
						throw new ValidationException(outcome.report());
					}
					List<ResolvedMigration> pending = scope.select(outcome.pending());
					Map<ResolvedMigration, ScriptPlan> plans = preflight(pending, session);
					List<ExecutedMigration> applied = apply(plans,
							new MigrationExecutor(connection, history, preflightFor(session), session.schema()),
							new BatchedMigrationRunner(connection, session.schema(), history, this.events,
									this.configuration.getDataClock()));
					if (scope == MigrateScope.UNTIL_BACKGROUND) {
						deferred(outcome.pending(), pending.size());
					}
					result = new MigrateResult(session.schema(), outcome.report().currentVersion(),
							newest(outcome.report().currentVersion(), applied), applied, baselined, lockWait,
							elapsed(start));
				}
				finally {
					release(lock);
				}
				this.events.publish(new MigrationEvent.RunCompleted(result));
				return result;
			}
		}
		catch (SQLException ex) {
			throw runFailed(databaseError("migrate", ex), start);
		}
		catch (RatchetException ex) {
			throw runFailed(ex, start);
		}
	}

	public StatusReport status() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session session = open("status")) {
			HistoryTable history = history(session);
			List<AppliedMigration> rows = history.read(session.connection());
			String problem = null;
			if (rows.isEmpty() && !history.exists(session.connection())) {
				String objects = SchemaContents.describeObjects(session.connection(), history.getSchema(),
						history.getTable());
				if (objects != null && !this.configuration.isBaselineOnMigrate()) {
					problem = SchemaContents.unknownSchemaProblem(history.getSchema(), history.getTable(), objects);
				}
			}
			return this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows, problem).report();
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

	public List<FailedItem> failedItems(MigrationVersion version, int limit) {
		try (Session session = open("status")) {
			return new DataMigrationTables(history(session)).failedItems(session.connection(), version, limit);
		}
		catch (SQLException ex) {
			throw databaseError("read the failed items of data migration " + version, ex);
		}
	}

	public RetryResult retryFailed() {
		List<ResolvedMigration> resolved = this.catalog.migrations();
		try (Session lockSession = open("lock"); Session session = open("retry-failed")) {
			HistoryTable history = history(session);
			AdvisoryLock lock = lock(lockSession, history);
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
			AdvisoryLock lock = lock(lockSession, history);
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
				return new RepairResult(removed, realigned);
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
			AdvisoryLock lock = lock(lockSession, history);
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
	 * Reads the history without the lock and returns the result of a run with nothing to do that
	 * needs the lock, or {@code null} to take the lock and go on.
	 */
	private MigrateResult withoutLock(MigrateScope scope, List<ResolvedMigration> resolved, long start)
			throws SQLException {
		try (Session session = open("status")) {
			HistoryTable history = history(session);
			Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved,
					history.read(session.connection()), null);
			if (!outcome.report().isValid() || !scope.skipsLock(outcome.pending())) {
				return null;
			}
			MigrateResult result = nothingApplied(session.schema(), outcome.report().currentVersion(), start);
			if (scope == MigrateScope.UNTIL_BACKGROUND) {
				deferred(outcome.pending(), 0);
				this.events.publish(new MigrationEvent.RunCompleted(result));
			}
			return result;
		}
	}

	private MigrateResult nothingApplied(String schema, MigrationVersion version, long start) {
		return new MigrateResult(schema, version, version, List.of(), false, Duration.ZERO, elapsed(start));
	}

	private void deferred(List<ResolvedMigration> pending, int applied) {
		if (applied < pending.size()) {
			List<MigrationDescriptor> rest = pending.subList(applied, pending.size())
				.stream()
				.map(ResolvedMigration::descriptor)
				.toList();
			this.events.publish(new MigrationEvent.MigrationDeferred(rest.get(0), rest.subList(1, rest.size())));
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
		logger.info("Baselined schema \"{}\" ({}) at version {}", history.getSchema(), objects,
				this.configuration.getBaselineVersion());
		return true;
	}

	private void insertBaseline(Connection connection, HistoryTable history) throws SQLException {
		history.insert(connection, new MigrationDescriptor(this.configuration.getBaselineVersion(), BASELINE_DESCRIPTION,
				MigrationType.BASELINE, BASELINE_DESCRIPTION, null), 0, null);
	}

	private Map<ResolvedMigration, ScriptPlan> preflight(List<ResolvedMigration> pending, Session session) {
		ScriptPreflight scripts = preflightFor(session);
		Map<ResolvedMigration, ScriptPlan> plans = new LinkedHashMap<>();
		for (ResolvedMigration migration : pending) {
			plans.put(migration, (migration.file() != null) ? scripts.check(migration.file()) : null);
		}
		return plans;
	}

	private ScriptPreflight preflightFor(Session session) {
		Map<String, String> values = new LinkedHashMap<>(this.configuration.getPlaceholders());
		values.putIfAbsent("ratchet:schema", session.schema());
		values.putIfAbsent("ratchet:table", this.configuration.getTable());
		return new ScriptPreflight(Placeholders.of(values));
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

	private Session open(String role) {
		return Session.open(this.configuration.getDataSource(), role, this.configuration.getSchema());
	}

	private HistoryTable history(Session session) {
		return new HistoryTable(session.schema(), this.configuration.getTable());
	}

	private AdvisoryLock lock(Session lockSession, HistoryTable history) throws SQLException {
		return lock(lockSession, history, this.configuration.getLockWaitTimeout(),
				(holder, waited) -> this.events.publish(new MigrationEvent.LockWaiting(holder, waited)));
	}

	/**
	 * Waits for the lock as long as it takes, telling listeners once: a background run may wait
	 * behind another instance's background run for hours.
	 */
	private AdvisoryLock lockPatiently(Session lockSession, HistoryTable history) throws SQLException {
		AtomicBoolean told = new AtomicBoolean();
		return lock(lockSession, history, PATIENCE, (holder, waited) -> {
			if (told.compareAndSet(false, true)) {
				this.events.publish(new MigrationEvent.LockWaiting(holder, waited));
			}
		});
	}

	private AdvisoryLock lock(Session lockSession, HistoryTable history, Duration timeout,
			BiConsumer<String, Duration> waiting) throws SQLException {
		long start = System.nanoTime();
		try {
			AdvisoryLock lock = AdvisoryLock.acquire(lockSession.connection(),
					AdvisoryLock.keyFor(history.getSchema(), history.getTable()), timeout, waiting);
			this.events.publish(new MigrationEvent.LockAcquired(elapsed(start)));
			return lock;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RatchetException("Interrupted while waiting for the migration lock", ex);
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
		return new DatabaseConnectionException("Ratchet could not " + action + ": " + SqlErrors.parse(ex).message()
				+ " (SQLSTATE " + ex.getSQLState() + ")", ex);
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
