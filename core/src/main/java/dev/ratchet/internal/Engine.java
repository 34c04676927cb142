package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		long start = System.nanoTime();
		try {
			List<ResolvedMigration> resolved = this.catalog.migrations();
			try (Session lockSession = open("lock"); Session session = open("migrate")) {
				Connection connection = session.connection();
				HistoryTable history = history(session);
				long lockStart = System.nanoTime();
				AdvisoryLock lock = lock(lockSession, history);
				Duration lockWait = Duration.ofNanos(System.nanoTime() - lockStart);
				MigrateResult result;
				try {
					List<AppliedMigration> rows = history.read(connection);
					// Only a schema without a history table is unknown: an empty history (after a repair,
					// say) means Ratchet has been here, and leftovers are the user's to clean up.
					boolean baselined = rows.isEmpty() && !history.exists(connection)
							&& baselineUnknownSchema(connection, history);
					if (rows.isEmpty()) {
						// Rows prove the table exists: nothing to create on the common path.
						history.create(connection);
					}
					if (baselined) {
						rows = history.read(connection);
					}
					Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows,
							null);
					if (!outcome.report().isValid()) {
						throw new ValidationException(outcome.report());
					}
					Map<ResolvedMigration, ScriptPlan> plans = preflight(outcome.pending(), session);
					List<ExecutedMigration> applied = apply(plans,
							new MigrationExecutor(connection, history, preflightFor(session), session.schema()));
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

	private List<ExecutedMigration> apply(Map<ResolvedMigration, ScriptPlan> plans, MigrationExecutor executor) {
		List<ExecutedMigration> applied = new ArrayList<>();
		for (Map.Entry<ResolvedMigration, ScriptPlan> entry : plans.entrySet()) {
			MigrationDescriptor migration = entry.getKey().descriptor();
			this.events.publish(new MigrationEvent.MigrationStarted(migration));
			long start = System.nanoTime();
			try {
				ExecutedMigration executed = executor.apply(entry.getKey(), entry.getValue());
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
		long start = System.nanoTime();
		try {
			AdvisoryLock lock = AdvisoryLock.acquire(lockSession.connection(),
					AdvisoryLock.keyFor(history.getSchema(), history.getTable()),
					this.configuration.getLockWaitTimeout(), (holder, waited) -> this.events
						.publish(new MigrationEvent.LockWaiting(holder, waited)));
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
