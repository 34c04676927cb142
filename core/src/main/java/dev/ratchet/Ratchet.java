package dev.ratchet;

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
	 * measured against.
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
