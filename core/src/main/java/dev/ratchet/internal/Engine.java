package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import dev.ratchet.AdoptResult;
import dev.ratchet.BaselineResult;
import dev.ratchet.Inspection;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationVersion;
import dev.ratchet.PlanResult;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RepairResult;
import dev.ratchet.StatusReport;
import dev.ratchet.UndoResult;
import dev.ratchet.data.DataMigrationControl;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.FailedItemsPage;
import dev.ratchet.data.RetryResult;
import dev.ratchet.drift.DriftReport;

/**
 * The engine behind {@link dev.ratchet.Ratchet}: hands each operation to the class that does it.
 * Operations under the lock go through {@link OperationRunner}, the one locked-run path.
 */
public final class Engine {

	private final RatchetConfiguration configuration;

	private final MigrationCatalog catalog;

	private final StatusCalculator calculator;

	private final Preflight preflight;

	private final OperationRunner runner;

	private final MigrateOperation migrate;

	private final StatusOperation status;

	private final DataMigrationsOperation data;

	private final DataControl control;

	public Engine(RatchetConfiguration configuration) {
		this(configuration, new MigrationCatalog(configuration), new Preflight(configuration));
	}

	/**
	 * An engine that shares its migrations and their checks with others (the tenants').
	 */
	Engine(RatchetConfiguration configuration, MigrationCatalog catalog, Preflight preflight) {
		this.configuration = configuration;
		DriftSettings.filter(configuration);
		this.catalog = catalog;
		this.calculator = new StatusCalculator(configuration.isOutOfOrder());
		this.preflight = preflight;
		Events events = new Events(configuration.getListeners());
		this.runner = new OperationRunner(configuration, events);
		this.migrate = new MigrateOperation(this.runner, this.catalog, this.calculator, this.preflight);
		this.status = new StatusOperation(configuration, this.calculator, this.preflight,
				new StatusReader(configuration), events);
		this.data = new DataMigrationsOperation(this.runner, this.calculator);
		this.control = new DataControl(this.runner, this.catalog);
	}

	public MigrateResult migrate() {
		return this.migrate.migrate(MigrateScope.ALL);
	}

	/**
	 * Migrates, taking the lock on a lock session shared by the tenants' runs (one connection for all
	 * their locks) rather than on a session of its own.
	 */
	public MigrateResult migrate(SharedLockSession shared) {
		return this.migrate.migrate(MigrateScope.ALL, shared);
	}

	/**
	 * Applies the pending migrations before the first pending background data migration, which
	 * waits, with every migration after it, for {@link #migrateBackground()}.
	 */
	public MigrateResult migrateUntilBackground() {
		return this.migrate.migrate(MigrateScope.UNTIL_BACKGROUND);
	}

	/**
	 * Applies the pending background data migrations at the head of the pending migrations, waiting
	 * for the lock as long as it takes (until interrupted). Returns at once, publishing nothing, when
	 * the next pending migration is not a background one.
	 */
	public MigrateResult migrateBackground() {
		return this.migrate.migrate(MigrateScope.BACKGROUND);
	}

	/**
	 * Runs every pending transactional migration in one transaction and rolls it back, under the lock.
	 */
	public PlanResult plan() {
		return this.runner.run(new PlanOperation(this.catalog.migrations(),
				new HistoryCheck(this.configuration, this.calculator), this.preflight));
	}

	/**
	 * Compares the live schema with the snapshot of the last run, without the lock.
	 */
	public DriftReport drift() {
		try (Session session = this.runner.open("drift")) {
			return DriftSettings.tracker(this.configuration, session.schema(), this.configuration.getTable()).check(session.connection());
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("compare the schema with its snapshot", ex);
		}
	}

	public StatusReport status() {
		return this.status.read(this.catalog.migrations(), false).status();
	}

	public Inspection inspect() {
		return this.status.read(this.catalog.migrations(), true);
	}

	public List<DataMigrationStatus> dataMigrations() {
		return this.data.progress(this.catalog.migrations(), null);
	}

	public List<DataMigrationStatus> dataMigrations(StatusReport status) {
		return this.data.progress(this.catalog.migrations(), status);
	}

	public List<FailedItem> failedItems(MigrationVersion version, int limit) {
		return this.data.failedItems(version, limit);
	}

	public FailedItemsPage failedItems(MigrationVersion version, String keyPrefix, long offset, int limit) {
		return this.data.failedItems(version, keyPrefix, offset, limit);
	}

	public DataMigrationControl dataControl() {
		return this.control;
	}

	public RetryResult retryFailed() {
		return this.runner.run(new RetryFailedOperation(this.catalog.migrations()));
	}

	public RepairResult repair() {
		return repair(Set.of());
	}

	/**
	 * Repairs, and records the given cancelled batched data migrations as completed.
	 */
	public RepairResult repair(Set<MigrationVersion> completeCancelled) {
		return this.runner.run(new RepairOperation(this.catalog.migrations(), this.calculator, completeCancelled));
	}

	/**
	 * Adopts a Flyway or Prisma history under the lock, and nothing else: the {@code adopt} command.
	 */
	public AdoptResult adopt() {
		return this.runner.run(new AdoptOperation(this.catalog.migrations()));
	}

	/**
	 * Undoes the applied versions above the target, newest first, under the lock; refuses before
	 * anything runs unless every step can be done.
	 */
	public UndoResult undo(String target) {
		return this.runner.run(new UndoOperation(undoTo(target)));
	}

	/**
	 * Runs the undo to the target in one transaction and rolls it back, under the lock.
	 */
	public PlanResult planUndo(String target) {
		return this.runner.run(new UndoPlanOperation(undoTo(target)));
	}

	private UndoPreparation undoTo(String target) {
		return new UndoPreparation(this.catalog.migrations(), Target.parse(target), this.calculator, this.preflight);
	}

	public BaselineResult baseline() {
		return this.runner.run(new BaselineOperation());
	}

}
