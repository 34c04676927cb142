package dev.ratchet.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationVersion;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;

/**
 * Checks a service's migrations the way its deploys will run them, on real PostgreSQL: lint finds
 * no error (and, with {@link #failOnLintWarnings()}, no warning), every migration applies, a second
 * run applies nothing, and validation then finds the schema up to date. With {@link #undoRoundTrip()}
 * every undo script must also round-trip. A failed check throws an
 * {@link AssertionError} that names the migration at fault and PostgreSQL's or lint's message.
 *
 * <pre class="code">
 * MigrationCheck.of("classpath:db/migration").javaMigrations(new BackfillOwners()).checkOnFreshDatabase();
 * </pre>
 */
public final class MigrationCheck {

	private final List<String> locations;

	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private final List<JavaMigration> javaMigrations = new ArrayList<>();

	private UnaryOperator<RatchetConfiguration.Builder> customizer = UnaryOperator.identity();

	private boolean failOnLintWarnings;

	private boolean undoRoundTrip;

	private MigrationVersion undoRoundTripAbove;

	private MigrationCheck(List<String> locations) {
		this.locations = List.copyOf(locations);
	}

	/**
	 * Starts a check of the migrations in the given locations.
	 * @param locations as in {@code ratchet.locations}: {@code classpath:} or {@code filesystem:}
	 * @return the check
	 */
	public static MigrationCheck of(String... locations) {
		if (locations.length == 0) {
			throw new IllegalArgumentException("Name at least one migration location, for example classpath:db/migration");
		}
		return new MigrationCheck(List.of(locations));
	}

	/**
	 * Adds {@code ${name}} replacements, as {@code ratchet.placeholders.*} does.
	 * @param placeholders names and values
	 * @return this check
	 */
	public MigrationCheck placeholders(Map<String, String> placeholders) {
		this.placeholders.putAll(placeholders);
		return this;
	}

	/**
	 * Adds Java migrations, which run in version order among the SQL files.
	 * @param migrations the migrations
	 * @return this check
	 */
	public MigrationCheck javaMigrations(JavaMigration... migrations) {
		this.javaMigrations.addAll(List.of(migrations));
		return this;
	}

	/**
	 * Fails the check on lint warnings too, not only on errors.
	 * @return this check
	 */
	public MigrationCheck failOnLintWarnings() {
		this.failOnLintWarnings = true;
		return this;
	}

	/**
	 * Also checks that every versioned migration's undo script round-trips: the check migrates one
	 * version at a time, reading a catalog fingerprint of the schema (tables, columns and types,
	 * constraints, indexes, views, functions, triggers, enum types) after each; then undoes the
	 * versions one at a time from the newest down, and after each undo the schema must equal the
	 * one from before that version was applied; then migrates again, and the schema must equal the
	 * fully migrated one. A version without an undo script, or a Java migration, fails the check
	 * naming it.
	 * @return this check
	 * @see #undoRoundTripAbove(String)
	 */
	public MigrationCheck undoRoundTrip() {
		this.undoRoundTrip = true;
		this.undoRoundTripAbove = null;
		return this;
	}

	/**
	 * Like {@link #undoRoundTrip()}, for the versions above the given one only: those at or below
	 * it (for example older migrations written before undo scripts, or a Java data migration) are
	 * migrated at once and never undone.
	 * @param version the newest version that needs no undo script
	 * @return this check
	 */
	public MigrationCheck undoRoundTripAbove(String version) {
		this.undoRoundTrip = true;
		this.undoRoundTripAbove = MigrationVersion.parse(version);
		return this;
	}

	/**
	 * Changes the engine's configuration further, for example its lint severities.
	 * @param customizer applied to the builder after the check's own settings
	 * @return this check
	 */
	public MigrationCheck configure(UnaryOperator<RatchetConfiguration.Builder> customizer) {
		UnaryOperator<RatchetConfiguration.Builder> previous = this.customizer;
		this.customizer = (builder) -> customizer.apply(previous.apply(builder));
		return this;
	}

	/**
	 * Runs the check on a new database of the {@link PostgresServer}, dropped afterwards.
	 * @return what the first run applied
	 * @throws AssertionError when the check fails
	 */
	public MigrateResult checkOnFreshDatabase() {
		try (Database database = PostgresServer.shared().createDatabase()) {
			return check(database.dataSource());
		}
	}

	/**
	 * Runs the check on the given database, which should be empty.
	 * @param dataSource the database
	 * @return what the first run applied (with the undo round trip: what migrating one version at a
	 * time applied)
	 * @throws AssertionError when the check fails
	 */
	public MigrateResult check(DataSource dataSource) {
		Ratchet ratchet = new Ratchet(configuration(dataSource));
		LintReport lint = run("lint", ratchet::lint);
		List<LintFinding> blocking = this.failOnLintWarnings ? lint.findings() : lint.errors();
		if (!blocking.isEmpty()) {
			throw new AssertionError("Lint found " + blocking.size() + " problem(s) in the migrations of "
					+ this.locations + ":" + blocking.stream().map((finding) -> "\n  " + finding).collect(Collectors.joining()));
		}
		MigrateResult first = this.undoRoundTrip
				? new UndoRoundTrip((target) -> new Ratchet(configuration(dataSource, target)), dataSource,
						this.undoRoundTripAbove).run()
				: run("migrate", ratchet::migrate);
		MigrateResult second = run("migrate a second time", ratchet::migrate);
		if (second.appliedCount() != 0) {
			throw new AssertionError("A second migrate applied " + second.appliedCount() + " migration(s) again: "
					+ second.applied());
		}
		StatusReport status = run("validate", ratchet::validate);
		if (status.status() != SchemaStatus.UP_TO_DATE) {
			throw new AssertionError("After migrate the schema is " + status.status() + ", not UP_TO_DATE: " + status);
		}
		return first;
	}

	/**
	 * Runs a batched data migration's {@link BatchedMigration#verify verify} step on the database as
	 * it stands (for example with fixture rows inserted after the check), in a transaction that is
	 * rolled back.
	 * @param migration the data migration
	 * @param dataSource the database
	 * @throws AssertionError when {@code verify} throws, with its message
	 */
	public static void assertVerifies(BatchedMigration<?> migration, DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				migration.verify(new MigrationContext(connection, connection.getSchema()));
			}
			catch (Exception ex) {
				throw new AssertionError("verify of data migration " + migration.version() + " ("
						+ migration.description() + ") failed: " + ex.getMessage(), ex);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not connect to run verify: " + ex.getMessage(), ex);
		}
	}

	private RatchetConfiguration configuration(DataSource dataSource) {
		return configuration(dataSource, null);
	}

	private RatchetConfiguration configuration(DataSource dataSource, String target) {
		RatchetConfiguration.Builder builder = RatchetConfiguration.builder(dataSource)
			.locations(this.locations)
			.placeholders(this.placeholders)
			.javaMigrations(this.javaMigrations);
		builder = this.customizer.apply(builder);
		return (target != null) ? builder.target(target).build() : builder.build();
	}

	private <T> T run(String step, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RatchetException ex) {
			throw new AssertionError(step + " of the migrations in " + this.locations + " failed: " + ex.getMessage(), ex);
		}
	}

}
