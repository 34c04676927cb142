package dev.ratchet;

import java.util.List;

import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.RetryResult;
import dev.ratchet.internal.Engine;

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
	 * @throws MigrationResolutionException if the migrations are unusable (nothing applied)
	 * @throws ValidationException if applied migrations changed, went missing or failed (nothing applied)
	 * @throws MigrationFailedException if a migration failed (earlier ones of the run stay applied)
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
	 * Reads the ledger of failed items of one batched data migration.
	 * @param version the migration's version, for example {@code 6.2}
	 * @param limit how many items at most
	 * @return the items, oldest failure first
	 */
	public List<FailedItem> failedItems(String version, int limit) {
		return this.engine.failedItems(MigrationVersion.parse(version), limit);
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
	 * Reports every migration's state and every problem, without the lock and without changing anything.
	 * @return the report
	 */
	public StatusReport status() {
		return this.engine.status();
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
	 * Removes failed entries from the history and realigns the checksums of changed applied
	 * migrations with their current files.
	 * @return what was changed
	 */
	public RepairResult repair() {
		return this.engine.repair();
	}

	/**
	 * Records a baseline at the configured baseline version in a schema without history.
	 * @return what was done
	 */
	public BaselineResult baseline() {
		return this.engine.baseline();
	}

	public RatchetConfiguration getConfiguration() {
		return this.configuration;
	}

}
