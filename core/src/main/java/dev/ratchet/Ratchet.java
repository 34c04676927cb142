package dev.ratchet;

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
	 * Reports every migration's state and every problem, without the lock and without changing anything.
	 * Costs one round trip on a connection as it comes from the DataSource (two more while the history
	 * table does not exist), and reads the history each time, so it sees what other instances did.
	 * @return the report
	 */
	public StatusReport status() {
		return this.engine.status();
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
