package dev.ratchet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.ratchet.data.BatchThrottle;
import dev.ratchet.data.DataClock;
import dev.ratchet.history.RatchetTable;
import dev.ratchet.internal.Target;
import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintRules;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.sql.Placeholders;

/**
 * Everything the engine needs to know, as an immutable value. Build one with
 * {@link #builder(DataSource)}; the defaults are the public constants of this class.
 * <p>
 * Longer than the project's ~300 lines on purpose: it is one documented default, field, getter and
 * builder method per setting, nothing else, and a setting split across several classes would be
 * harder to find and to keep equal to the Boot property that feeds it.
 */
public final class RatchetConfiguration {

	/** Default migration location. */
	public static final String DEFAULT_LOCATION = "classpath:db/migration";

	/** Default history table name. */
	public static final String DEFAULT_TABLE = "ratchet_history";

	/** Default time to wait for another instance's lock. */
	public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(10);

	/** Default version recorded by a baseline. */
	public static final String DEFAULT_BASELINE_VERSION = "1";

	/** The default {@code ratchet.target}: every pending migration. */
	public static final String DEFAULT_TARGET = "latest";

	/** Default for a migration connection that goes through a transaction-mode pooler: refuse it. */
	public static final PoolerPolicy DEFAULT_POOLER_POLICY = PoolerPolicy.FAIL;

	/** Default number of retries of a migration that timed out waiting for a lock: none. */
	public static final int DEFAULT_LOCK_RETRIES = 0;

	/** Default pause before the first retry of a migration that timed out waiting for a lock. */
	public static final Duration DEFAULT_LOCK_RETRY_DELAY = Duration.ofSeconds(1);

	/** Default name of the Flyway history table that adoption takes over. */
	public static final String DEFAULT_ADOPT_FLYWAY_TABLE = "flyway_schema_history";

	/** Default number of workers per instance for a batched data migration's batches. */
	public static final int DEFAULT_DATA_PARALLELISM = 1;

	private final DataSource dataSource;

	private final List<String> locations;

	private final String schema;

	private final String table;

	private final Duration lockWaitTimeout;

	private final boolean baselineOnMigrate;

	private final MigrationVersion baselineVersion;

	private final boolean outOfOrder;

	private final String target;

	private final Map<String, String> placeholders;

	private final boolean placeholderReplacement;

	private final boolean mixed;

	private final boolean driftEnabled;

	private final List<String> driftIgnore;

	private final boolean driftCheckAtStartup;

	private final String placeholderPrefix;

	private final String placeholderSuffix;

	private final List<JavaMigration> javaMigrations;

	private final List<MigrationListener> listeners;

	private final ClassLoader classLoader;

	private final DataClock dataClock;

	private final List<BatchThrottle> throttles;

	private final int dataParallelism;

	private final Map<String, LintSeverity> lintSeverities;

	private final PoolerPolicy poolerPolicy;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final int lockRetries;

	private final Duration lockRetryDelay;

	private final boolean adoptEnabled;

	private final String adoptFlywayTable;

	private RatchetConfiguration(Builder builder) {
		this.dataSource = Objects.requireNonNull(builder.dataSource, "dataSource must not be null");
		this.locations = List.copyOf(builder.locations);
		this.schema = (builder.schema == null || builder.schema.isBlank()) ? null : builder.schema;
		this.table = requireText(builder.table, "table");
		RatchetTable.checkNames(this.schema, this.table);
		this.lockWaitTimeout = Objects.requireNonNull(builder.lockWaitTimeout, "lockWaitTimeout must not be null");
		if (this.lockWaitTimeout.isNegative()) {
			throw new IllegalArgumentException("lockWaitTimeout must not be negative, was " + this.lockWaitTimeout);
		}
		this.baselineOnMigrate = builder.baselineOnMigrate;
		this.baselineVersion = MigrationVersion.parse(builder.baselineVersion);
		this.outOfOrder = builder.outOfOrder;
		this.target = Target.check(builder.target);
		this.placeholders = Map.copyOf(builder.placeholders);
		this.placeholderReplacement = builder.placeholderReplacement;
		this.mixed = builder.mixed;
		this.driftEnabled = builder.driftEnabled;
		this.driftIgnore = List.copyOf(builder.driftIgnore);
		this.driftCheckAtStartup = builder.driftCheckAtStartup;
		this.placeholderPrefix = requireText(builder.placeholderPrefix, "placeholderPrefix");
		this.placeholderSuffix = requireText(builder.placeholderSuffix, "placeholderSuffix");
		this.javaMigrations = List.copyOf(builder.javaMigrations);
		this.listeners = List.copyOf(builder.listeners);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader : RatchetConfiguration.class.getClassLoader();
		this.dataClock = Objects.requireNonNull(builder.dataClock, "dataClock must not be null");
		this.throttles = List.copyOf(builder.throttles);
		if (builder.dataParallelism < 1) {
			throw new IllegalArgumentException("dataParallelism (ratchet.data.parallelism) must be at least 1, was "
					+ builder.dataParallelism + ". Use 1 to process a data migration's batches one after the other.");
		}
		this.dataParallelism = builder.dataParallelism;
		this.lintSeverities = lintSeverities(builder.lintSeverities);
		this.poolerPolicy = Objects.requireNonNull(builder.poolerPolicy, "poolerPolicy must not be null");
		this.lockTimeout = serverDuration(builder.lockTimeout, "lockTimeout");
		this.statementTimeout = serverDuration(builder.statementTimeout, "statementTimeout");
		if (builder.lockRetries < 0) {
			throw new IllegalArgumentException("lockRetries must not be negative, was " + builder.lockRetries);
		}
		this.lockRetries = builder.lockRetries;
		this.lockRetryDelay = Objects.requireNonNull(builder.lockRetryDelay, "lockRetryDelay must not be null");
		if (this.lockRetryDelay.isNegative()) {
			throw new IllegalArgumentException("lockRetryDelay must not be negative, was " + this.lockRetryDelay);
		}
		this.adoptEnabled = builder.adoptEnabled;
		this.adoptFlywayTable = requireText(builder.adoptFlywayTable, "adoptFlywayTable");
	}

	private static Map<String, LintSeverity> lintSeverities(Map<String, LintSeverity> severities) {
		for (Map.Entry<String, LintSeverity> entry : severities.entrySet()) {
			if (LintRules.find(entry.getKey()) == null) {
				throw new IllegalArgumentException("Unknown lint rule '" + entry.getKey() + "' in the lint severities. "
						+ "Use one of: " + String.join(", ", LintRules.all().stream().map(LintRule::id).toList()));
			}
			Objects.requireNonNull(entry.getValue(), () -> "Severity of lint rule '" + entry.getKey() + "' is null");
		}
		return Map.copyOf(severities);
	}

	private static Duration serverDuration(Duration value, String name) {
		// PostgreSQL counts these settings in whole milliseconds, and 0 would switch them off.
		if (value != null && value.toMillis() < 1) {
			throw new IllegalArgumentException(name + " must be at least 1 millisecond (or not set, for the server's "
					+ "setting), was " + value);
		}
		return value;
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value;
	}

	/**
	 * Starts a configuration for the given DataSource, with every other setting at its default.
	 * @param dataSource where connections for migrations (and the lock) come from
	 * @return a builder
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	/**
	 * Returns a builder holding this configuration's values.
	 */
	public Builder toBuilder() {
		return toBuilder(this.dataSource);
	}

	/**
	 * Returns a builder holding this configuration's values but another DataSource (for a tenant's
	 * database, say).
	 * @param dataSource where the new configuration's connections come from
	 * @return a builder
	 */
	public Builder toBuilder(DataSource dataSource) {
		Builder builder = new Builder(dataSource).locations(this.locations)
			.schema(this.schema)
			.table(this.table)
			.lockWaitTimeout(this.lockWaitTimeout)
			.baselineOnMigrate(this.baselineOnMigrate)
			.baselineVersion(this.baselineVersion.toString())
			.outOfOrder(this.outOfOrder)
			.target(this.target)
			.placeholders(this.placeholders)
			.placeholderReplacement(this.placeholderReplacement)
			.mixed(this.mixed)
			.driftEnabled(this.driftEnabled)
			.driftIgnore(this.driftIgnore)
			.driftCheckAtStartup(this.driftCheckAtStartup)
			.placeholderPrefix(this.placeholderPrefix)
			.placeholderSuffix(this.placeholderSuffix)
			.classLoader(this.classLoader)
			.dataClock(this.dataClock)
			.lintSeverities(this.lintSeverities)
			.poolerPolicy(this.poolerPolicy)
			.lockTimeout(this.lockTimeout)
			.statementTimeout(this.statementTimeout)
			.lockRetries(this.lockRetries)
			.dataParallelism(this.dataParallelism)
			.lockRetryDelay(this.lockRetryDelay)
			.adoptEnabled(this.adoptEnabled)
			.adoptFlywayTable(this.adoptFlywayTable);
		builder.javaMigrations.addAll(this.javaMigrations);
		builder.listeners.addAll(this.listeners);
		builder.throttles.addAll(this.throttles);
		return builder;
	}

	public DataSource getDataSource() {
		return this.dataSource;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	/**
	 * Returns the schema holding the history table, or {@code null} for the connection's current schema.
	 */
	public String getSchema() {
		return this.schema;
	}

	public String getTable() {
		return this.table;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public MigrationVersion getBaselineVersion() {
		return this.baselineVersion;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	/**
	 * Returns the version {@code migrate} and {@code plan} stop at: {@value #DEFAULT_TARGET} (every
	 * pending migration), {@code current} (no versioned migration), {@code previous} (for undo only)
	 * or a version; later pending migrations stay pending.
	 */
	public String getTarget() {
		return this.target;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	/**
	 * Returns whether placeholders are replaced at all; when not, every {@code ${...}} stays as written.
	 */
	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	/**
	 * Returns whether a script mixing statements PostgreSQL refuses inside a transaction with others
	 * runs without a transaction instead of being refused.
	 */
	public boolean isMixed() {
		return this.mixed;
	}

	/**
	 * Returns whether objects no migration created are looked for (drift).
	 */
	public boolean isDriftEnabled() {
		return this.driftEnabled;
	}

	/**
	 * Returns the patterns of objects drift detection leaves out, such as {@code table:quartz_*}.
	 */
	public List<String> getDriftIgnore() {
		return this.driftIgnore;
	}

	/**
	 * Returns whether {@link Ratchet#migrateUntilBackground()} compares the schema with the snapshot
	 * when nothing is pending.
	 */
	public boolean isDriftCheckAtStartup() {
		return this.driftCheckAtStartup;
	}

	public String getPlaceholderPrefix() {
		return this.placeholderPrefix;
	}

	public String getPlaceholderSuffix() {
		return this.placeholderSuffix;
	}

	public List<JavaMigration> getJavaMigrations() {
		return this.javaMigrations;
	}

	public List<MigrationListener> getListeners() {
		return this.listeners;
	}

	public ClassLoader getClassLoader() {
		return this.classLoader;
	}

	/**
	 * Returns the throttles asked before each batch of a batched data migration.
	 */
	public List<BatchThrottle> getThrottles() {
		return this.throttles;
	}

	/**
	 * Returns how many workers of this instance process a batched data migration's batches at once,
	 * each on a connection of its own.
	 */
	public int getDataParallelism() {
		return this.dataParallelism;
	}

	/**
	 * Returns the clock that batched data migrations pace and report progress with.
	 */
	public DataClock getDataClock() {
		return this.dataClock;
	}

	/**
	 * Returns the lint severities that differ from the rules' defaults, by rule id.
	 */
	public Map<String, LintSeverity> getLintSeverities() {
		return this.lintSeverities;
	}

	public PoolerPolicy getPoolerPolicy() {
		return this.poolerPolicy;
	}

	/**
	 * Returns PostgreSQL's {@code lock_timeout} for migration statements, or {@code null} to keep the
	 * server's setting.
	 */
	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * Returns PostgreSQL's {@code statement_timeout} for migration statements, or {@code null} to keep
	 * the server's setting.
	 */
	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	/**
	 * Returns how many times a transactional SQL migration that hit the lock timeout is tried again.
	 */
	public int getLockRetries() {
		return this.lockRetries;
	}

	/**
	 * Returns the pause before the first retry; it doubles before each further one.
	 */
	public Duration getLockRetryDelay() {
		return this.lockRetryDelay;
	}

	/**
	 * Builds a {@link RatchetConfiguration}.
	 */
	/**
	 * Returns whether a schema without Ratchet's history but with Flyway's or Prisma's is adopted:
	 * its history taken over before the first migration.
	 */
	public boolean isAdoptEnabled() {
		return this.adoptEnabled;
	}

	/**
	 * Returns the name of the Flyway history table that adoption takes over.
	 */
	public String getAdoptFlywayTable() {
		return this.adoptFlywayTable;
	}

	public static final class Builder {

		private final DataSource dataSource;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private String schema;

		private String table = DEFAULT_TABLE;

		private Duration lockWaitTimeout = DEFAULT_LOCK_WAIT_TIMEOUT;

		private boolean baselineOnMigrate;

		private String baselineVersion = DEFAULT_BASELINE_VERSION;

		private boolean outOfOrder;

		private String target = DEFAULT_TARGET;

		private Map<String, String> placeholders = Map.of();

		private boolean placeholderReplacement = true;

		private boolean mixed;

		private boolean driftEnabled = true;

		private List<String> driftIgnore = List.of();

		private boolean driftCheckAtStartup = true;

		private String placeholderPrefix = Placeholders.DEFAULT_PREFIX;

		private String placeholderSuffix = Placeholders.DEFAULT_SUFFIX;

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private final List<MigrationListener> listeners = new ArrayList<>();

		private ClassLoader classLoader;

		private DataClock dataClock = DataClock.system();

		private final List<BatchThrottle> throttles = new ArrayList<>();

		private int dataParallelism = DEFAULT_DATA_PARALLELISM;

		private Map<String, LintSeverity> lintSeverities = Map.of();

		private PoolerPolicy poolerPolicy = DEFAULT_POOLER_POLICY;

		private Duration lockTimeout;

		private Duration statementTimeout;

		private int lockRetries = DEFAULT_LOCK_RETRIES;

		private Duration lockRetryDelay = DEFAULT_LOCK_RETRY_DELAY;

		private boolean adoptEnabled = true;

		private String adoptFlywayTable = DEFAULT_ADOPT_FLYWAY_TABLE;

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		public Builder locations(List<String> locations) {
			this.locations = List.copyOf(locations);
			return this;
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder table(String table) {
			this.table = table;
			return this;
		}

		public Builder lockWaitTimeout(Duration lockWaitTimeout) {
			this.lockWaitTimeout = lockWaitTimeout;
			return this;
		}

		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		public Builder baselineVersion(String baselineVersion) {
			this.baselineVersion = baselineVersion;
			return this;
		}

		public Builder outOfOrder(boolean outOfOrder) {
			this.outOfOrder = outOfOrder;
			return this;
		}

		/**
		 * Sets the version {@code migrate} and {@code plan} stop at, see {@link RatchetConfiguration#getTarget()}.
		 * @param target {@code latest}, {@code current}, {@code previous} or a version
		 * @return this builder
		 */
		public Builder target(String target) {
			this.target = target;
			return this;
		}

		public Builder placeholders(Map<String, String> placeholders) {
			this.placeholders = new LinkedHashMap<>(placeholders);
			return this;
		}

		/**
		 * Sets whether placeholders are replaced; {@code false} leaves every {@code ${...}} as written,
		 * for scripts that carry it as data. Defaults to {@code true}.
		 */
		public Builder placeholderReplacement(boolean placeholderReplacement) {
			this.placeholderReplacement = placeholderReplacement;
			return this;
		}

		/**
		 * Sets whether a script that mixes statements PostgreSQL refuses inside a transaction (such as
		 * {@code CREATE INDEX CONCURRENTLY}) with others runs without a transaction, statement by
		 * statement, instead of being refused. Defaults to {@code false}.
		 */
		public Builder mixed(boolean mixed) {
			this.mixed = mixed;
			return this;
		}

		/**
		 * Sets whether drift (objects in the schema that no migration created, or changes made outside
		 * migrations) is looked for. Defaults to {@code true}.
		 */
		public Builder driftEnabled(boolean driftEnabled) {
			this.driftEnabled = driftEnabled;
			return this;
		}

		/**
		 * Sets the objects drift detection leaves out: {@code kind:pattern}, where kind is
		 * a {@link dev.ratchet.drift.SchemaObjectKind} in lower case ({@code table},
		 * {@code materialized_view}, …) or {@code *}, and the pattern is an object name in which
		 * {@code *} matches any characters (a pattern without kind means {@code *:pattern}). An
		 * ignored table takes its columns, constraints, indexes and triggers with it.
		 */
		public Builder driftIgnore(List<String> driftIgnore) {
			this.driftIgnore = List.copyOf(driftIgnore);
			return this;
		}

		/**
		 * Sets whether {@link Ratchet#migrateUntilBackground()}, the start-up call, compares the schema
		 * with the snapshot when nothing is pending. Defaults to {@code true}. Comparing reads the
		 * whole catalog's state, which with a thousand tables costs more than the rest of a start-up
		 * with nothing to do; an application that compares later anyway (Spring Boot's health and
		 * endpoint do, and its start-up compares once the application is ready) turns it off. A run
		 * that applies something always compares first, as its snapshot depends on it, and a schema
		 * with no snapshot yet still gets one at start-up.
		 */
		public Builder driftCheckAtStartup(boolean driftCheckAtStartup) {
			this.driftCheckAtStartup = driftCheckAtStartup;
			return this;
		}

		/**
		 * Sets the marker a placeholder starts with. Defaults to {@code ${}.
		 */
		public Builder placeholderPrefix(String placeholderPrefix) {
			this.placeholderPrefix = placeholderPrefix;
			return this;
		}

		/**
		 * Sets the marker a placeholder ends with. Defaults to <code>}</code>.
		 */
		public Builder placeholderSuffix(String placeholderSuffix) {
			this.placeholderSuffix = placeholderSuffix;
			return this;
		}

		public Builder javaMigrations(JavaMigration... migrations) {
			this.javaMigrations.addAll(List.of(migrations));
			return this;
		}

		public Builder javaMigrations(List<? extends JavaMigration> migrations) {
			this.javaMigrations.addAll(migrations);
			return this;
		}

		public Builder listeners(MigrationListener... listeners) {
			this.listeners.addAll(List.of(listeners));
			return this;
		}

		public Builder listeners(List<? extends MigrationListener> listeners) {
			this.listeners.addAll(listeners);
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * Adds throttles, asked before each batch of every batched data migration whether to back off
		 * (the longest back-off wins).
		 * @param throttles the throttles
		 * @return this builder
		 */
		public Builder throttles(BatchThrottle... throttles) {
			this.throttles.addAll(Arrays.asList(throttles));
			return this;
		}

		/**
		 * Sets how many workers of this instance process a batched data migration's batches at once.
		 * Each worker takes a connection of its own from the data source, so a run holds
		 * {@code dataParallelism} connections plus the session holding the migration lock. Instances
		 * cooperate: an instance waiting for the lock while another runs a migration in parallel
		 * claims ranges of it too.
		 * @param dataParallelism workers per instance, {@value #DEFAULT_DATA_PARALLELISM} (the default)
		 * for batches one after the other
		 * @return this builder
		 */
		public Builder dataParallelism(int dataParallelism) {
			this.dataParallelism = dataParallelism;
			return this;
		}

		/**
		 * Sets the clock that batched data migrations pace and report progress with; tests use it to
		 * check the throttle without waiting.
		 * @param dataClock the clock, {@link DataClock#system()} by default
		 * @return this builder
		 */
		public Builder dataClock(DataClock dataClock) {
			this.dataClock = dataClock;
			return this;
		}

		/**
		 * Sets the severity of lint rules, by rule id ({@code dialect.datetime},
		 * {@code risk.index-not-concurrent}, see {@link LintRules#all()}); rules not named keep their
		 * default. {@link LintSeverity#OFF} switches a rule off.
		 * @param lintSeverities the severities
		 * @return this builder
		 */
		public Builder lintSeverities(Map<String, LintSeverity> lintSeverities) {
			this.lintSeverities = new LinkedHashMap<>(lintSeverities);
			return this;
		}

		/**
		 * Sets PostgreSQL's {@code lock_timeout} for migration statements: a statement waiting longer
		 * for a lock (behind a long transaction, say) fails, naming the session that holds the lock,
		 * instead of queueing the application's queries behind its own lock request.
		 * @param lockTimeout the timeout, or {@code null} (the default) for the server's setting
		 * @return this builder
		 */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/**
		 * Sets what to do when the migration connection goes through a transaction-mode connection
		 * pooler, where the session lock is not safe.
		 * @param poolerPolicy the policy
		 * @return this builder
		 */
		public Builder poolerPolicy(PoolerPolicy poolerPolicy) {
			this.poolerPolicy = poolerPolicy;
			return this;
		}

		/**
		 * Sets PostgreSQL's {@code statement_timeout} for migration statements.
		 * @param statementTimeout the timeout, or {@code null} (the default) for the server's setting
		 * @return this builder
		 */
		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		/**
		 * Sets how many times a transactional SQL migration that failed on the lock timeout (SQLSTATE
		 * 55P03) is tried again; it was rolled back whole, so trying again is safe.
		 * @param lockRetries the number of retries, 0 (the default) for none
		 * @return this builder
		 */
		public Builder lockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
			return this;
		}

		/**
		 * Sets the pause before the first retry of a migration that failed on the lock timeout; it
		 * doubles before each further retry.
		 * @param lockRetryDelay the pause
		 * @return this builder
		 */
		public Builder lockRetryDelay(Duration lockRetryDelay) {
			this.lockRetryDelay = lockRetryDelay;
			return this;
		}

		/**
		 * Sets whether a schema without Ratchet's history table but with a Flyway or Prisma history
		 * is adopted (its history taken over, under the lock, before the first migration) rather
		 * than refused as unknown. On by default.
		 * @param adoptEnabled whether to adopt
		 * @return this builder
		 */
		public Builder adoptEnabled(boolean adoptEnabled) {
			this.adoptEnabled = adoptEnabled;
			return this;
		}

		/**
		 * Sets the name of the Flyway history table that adoption takes over, in the migration
		 * schema; {@value RatchetConfiguration#DEFAULT_ADOPT_FLYWAY_TABLE} by default.
		 * @param adoptFlywayTable the table name
		 * @return this builder
		 */
		public Builder adoptFlywayTable(String adoptFlywayTable) {
			this.adoptFlywayTable = adoptFlywayTable;
			return this;
		}

		public RatchetConfiguration build() {
			return new RatchetConfiguration(this);
		}

	}

}
