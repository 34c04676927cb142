package dev.ratchet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationControl;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.FailedItemsPage;
import dev.ratchet.data.RetryResult;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.internal.Engine;
import dev.ratchet.lint.LintReport;

/**
 * Brings a PostgreSQL schema to the state its migrations describe: versioned and repeatable SQL
 * files and Java migrations, applied exactly once, in version order, under a database lock, with
 * history. Thread-safe; migrations are resolved once and cached.
 *
 * <pre class="code">
 * Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(dataSource).build());
 * MigrateResult result = ratchet.migrate();
 * </pre>
 */
public final class Ratchet {

	private final RatchetConfiguration configuration;

	private final Engine engine;

	public Ratchet(RatchetConfiguration configuration) {
		this.configuration = configuration;
		this.engine = new Engine(configuration);
	}

	/**
	 * Applies pending migrations, under the lock, after validating what was applied before.
	 * @return what the run did
	 * @throws MigrationResolutionException if the migrations are unusable (nothing applied); a
	 * {@link LintException} when lint finds errors in them, such as SQLite or MySQL syntax
	 * @throws ValidationException if applied migrations changed, went missing or failed (nothing applied)
	 * @throws MigrationFailedException if a migration failed (earlier ones of the run stay applied)
	 * @throws DatabaseConnectionException also when the connection goes through a transaction-mode
	 * pooler and the {@link PoolerPolicy} is {@code FAIL}
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public MigrateResult migrate() {
		return this.engine.migrate();
	}

	/**
	 * Applies pending migrations as {@link #migrate()} does, but stops before the first pending
	 * background data migration ({@link BatchedMigration} with
	 * {@link dev.ratchet.data.BatchOptions#withBackground(boolean) background} options): it and every
	 * migration after it wait for {@link #migrateBackground()}. When the next pending migration is a
	 * background one (which another instance may be running, holding the lock), it returns at once,
	 * without taking the lock. This is what an application does during start-up.
	 * @return what the run did
	 * @throws MigrationResolutionException if the migrations are unusable (nothing applied)
	 * @throws ValidationException if applied migrations changed, went missing or failed (nothing applied)
	 * @throws MigrationFailedException if a migration failed (earlier ones of the run stay applied)
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public MigrateResult migrateUntilBackground() {
		return this.engine.migrateUntilBackground();
	}

	/**
	 * Applies the pending background data migrations that come next, under the lock, in the calling
	 * thread: what an application does once it is ready and serves traffic. It waits for the lock as
	 * long as it takes (another instance may be running the same migration; if that instance dies,
	 * this one continues after its last committed batch). Interrupt the thread to stop: the run stops
	 * between two batches and the next one continues from there. The versions after a background
	 * migration are not applied here: they wait for the next {@link #migrateUntilBackground()}, at
	 * the next start-up. Returns at once when the next pending migration is not a background one.
	 * @return what the run did
	 * @throws MigrationFailedException if a migration failed (its committed batches stay applied)
	 * @throws ValidationException if applied migrations changed, went missing or failed (nothing applied)
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public MigrateResult migrateBackground() {
		return this.engine.migrateBackground();
	}

	/**
	 * Reports the progress of every batched data migration this instance knows, in version order,
	 * without the lock and without changing anything.
	 * @return one status per batched migration; empty, without a database access, when there are none
	 */
	public List<DataMigrationStatus> dataMigrations() {
		return this.engine.dataMigrations();
	}

	/**
	 * Reports the progress of every batched data migration this instance knows, given a status
	 * report just read (by {@link #status()}, say): one query less than {@link #dataMigrations()},
	 * for endpoints and health checks.
	 * @param status the status report
	 * @return one status per batched migration; empty, without a database access, when there are none
	 */
	public List<DataMigrationStatus> dataMigrations(StatusReport status) {
		return this.engine.dataMigrations(status);
	}

	/**
	 * Reads the ledger of failed items of one batched data migration.
	 * @param version the migration's version, for example {@code 6.2}
	 * @param limit how many items at most
	 * @return the items, oldest failure first
	 */
	public List<FailedItem> failedItems(String version, int limit) {
		return this.engine.failedItems(MigrationVersion.parse(version), limit);
	}

	/**
	 * Reads one page of the ledger of failed items of one batched data migration, searched by key
	 * in the database, so that a ledger of any size can be browsed.
	 * @param version the migration's version, for example {@code 6.2}
	 * @param keyPrefix what the items' keys start with, or {@code null} (or empty) for every item
	 * @param offset how many matching items to skip, from 0
	 * @param limit how many items at most
	 * @return the page, oldest failure first, and how many items match
	 */
	public FailedItemsPage failedItems(String version, String keyPrefix, long offset, int limit) {
		if (offset < 0 || limit < 1) {
			throw new IllegalArgumentException("A page of failed items needs an offset of 0 or more and a limit of 1 or"
					+ " more; got offset " + offset + " and limit " + limit);
		}
		String prefix = (keyPrefix != null && !keyPrefix.isEmpty()) ? keyPrefix : null;
		return this.engine.failedItems(MigrationVersion.parse(version), prefix, offset, limit);
	}

	/**
	 * Returns operators' control over batched data migrations: pause, resume and cancel, honoured
	 * by the run on whichever instance runs the migration, after its current batch.
	 * @return the control
	 */
	public DataMigrationControl data() {
		return this.engine.dataControl();
	}

	/**
	 * Processes the items in the ledger of failed items again, under the lock, once their cause is
	 * fixed: those that now succeed leave the ledger and count as processed; the others stay, with
	 * their new error. Only the ledger's items are processed, whatever the state of their migration.
	 * @return what was retried, per migration
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public RetryResult retryFailed() {
		return this.engine.retryFailed();
	}

	/**
	 * Reports every migration's state, every problem, and what lint finds in the pending
	 * migrations, without the lock and without changing anything. Costs one round trip on a
	 * connection as it comes from the DataSource (two more while the history table does not exist),
	 * and reads the history each time, so it sees what other instances did. Lint reads the pending
	 * scripts once for as long as they stay pending.
	 * @return the report
	 */
	public StatusReport status() {
		return this.engine.status();
	}

	/**
	 * Lints the pending migrations without the lock and without changing anything: the lint part
	 * of {@link #status()}.
	 * @return what lint finds
	 * @throws MigrationResolutionException if a pending script cannot be read
	 */
	public LintReport lint() {
		return this.engine.status().lint();
	}

	/**
	 * Dry-runs the pending migrations under the lock: runs every transactional one, in order and
	 * with its history row, in one transaction on the real database, and rolls it all back. Stops
	 * at the first that fails. Takes the same locks {@code migrate} would, for as long as the dry
	 * run lasts.
	 * @return per migration: would succeed, would fail (with PostgreSQL's error), cannot be
	 * dry-run (and why) or not reached; and what lint finds
	 * @throws ValidationException if applied migrations changed, went missing or failed
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public PlanResult plan() {
		return this.engine.plan();
	}

	/**
	 * Compares the live schema with the snapshot Ratchet keeps of it, without the lock. The
	 * snapshot records the schema as Ratchet's migrations left it, so each difference is a change
	 * made by hand or by another tool. {@link #repair()} accepts the differences.
	 * @return the differences, or {@link DriftReport#NO_SNAPSHOT} before the first run
	 */
	public DriftReport drift() {
		return this.engine.drift();
	}

	/**
	 * Reports every migration's state and every problem, and who holds the migration lock, without
	 * the lock and without changing anything. Costs one round trip, as {@link #status()} does, so it
	 * suits frequent calls (health checks, an endpoint).
	 * @return the report and the lock holder
	 */
	public Inspection inspect() {
		return this.engine.inspect();
	}

	/**
	 * Checks applied migrations against the resolved ones, applying nothing.
	 * @return the report, when valid
	 * @throws ValidationException when invalid
	 */
	public StatusReport validate() {
		StatusReport report = this.engine.status();
		if (!report.isValid()) {
			throw new ValidationException(report);
		}
		return report;
	}

	/**
	 * Removes failed entries from the history, realigns the checksums of changed applied
	 * migrations with their current files, and accepts the live schema as the snapshot drift is
	 * measured against. A cancelled batched data migration stays cancelled (and later versions keep
	 * waiting): see {@link #repair(Collection)}.
	 * @return what was changed
	 */
	public RepairResult repair() {
		return this.engine.repair();
	}

	/**
	 * Repairs as {@link #repair()} does, and records the named cancelled batched data migrations as
	 * completed, so that the versions after them proceed: each gets a successful history row (type
	 * {@code JAVA}, installed by the database user, now) and its progress row the state
	 * {@code COMPLETED}, changed by {@code repair}. The items it did not reach stay unprocessed; that
	 * is the operator's call. Nothing changes when a named version is not a cancelled batched data
	 * migration.
	 * @param completeCancelled the versions of cancelled batched data migrations to record as completed
	 * @return what was changed
	 * @throws IllegalArgumentException if a version is not that of a cancelled batched data migration
	 */
	public RepairResult repair(Collection<String> completeCancelled) {
		return this.engine.repair(completeCancelled.stream()
			.map(MigrationVersion::parse)
			.collect(Collectors.toCollection(LinkedHashSet::new)));
	}

	/**
	 * Records a baseline at the configured baseline version in a schema without history.
	 * @return what was done
	 */
	public BaselineResult baseline() {
		return this.engine.baseline();
	}

	/**
	 * Takes over the history Flyway or Prisma kept in the migration schema, under the lock and in
	 * one transaction, and applies nothing: Flyway's history table
	 * ({@link RatchetConfiguration#getAdoptFlywayTable()}) or Prisma's {@code _prisma_migrations}
	 * becomes Ratchet's history, checksums verified against the files, and is left as it was.
	 * {@link #migrate()} does the same first when adoption is enabled; this works either way.
	 * @return what was adopted, or why nothing was (Ratchet's history exists, or there is no
	 * foreign history)
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public AdoptResult adopt() {
		return this.engine.adopt();
	}

	/**
	 * Undoes the applied versioned migrations above a target, from the newest down to, not
	 * including, the target: each runs its {@code U<version>__} script in a transaction with the
	 * {@link MigrationType#UNDO_SQL} history row that records it, and is pending again afterwards.
	 * Everything is checked first, under the lock: unless every version in the range has an undo
	 * script unchanged since it was applied (and none is a baseline or a Java migration), nothing is
	 * undone. Never runs at start-up: only when called.
	 * @param target a version, {@code previous} (undo exactly the newest one) or {@code current}
	 * (nothing); {@code latest} is refused
	 * @return what was undone, empty when nothing above the target is applied
	 * @throws UndoRefusedException naming every reason the undo cannot be done whole
	 * @throws MigrationFailedException if an undo script fails (the undos before it stay done)
	 * @throws LockTimeoutException if another session held the lock too long
	 * @throws DatabaseConnectionException if the database cannot be reached or used
	 */
	public UndoResult undo(String target) {
		return this.engine.undo(target);
	}

	/**
	 * Dry-runs {@link #undo(String)} under the lock: the same checks, then every undo script with its
	 * history row in one transaction that is rolled back.
	 * @param target as for {@link #undo(String)}
	 * @return per undo script: would succeed, would fail, cannot be dry-run or not reached
	 * @throws UndoRefusedException naming every reason the undo cannot be done whole
	 */
	public PlanResult planUndo(String target) {
		return this.engine.planUndo(target);
	}

	public RatchetConfiguration getConfiguration() {
		return this.configuration;
	}

}
