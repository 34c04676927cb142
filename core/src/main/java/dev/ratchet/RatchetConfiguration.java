package dev.ratchet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.ratchet.data.DataClock;
import dev.ratchet.history.RatchetTable;
import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintRules;
import dev.ratchet.lint.LintSeverity;

/**
 * Everything the engine needs to know, as an immutable value. Build one with
 * {@link #builder(DataSource)}; the defaults are the public constants of this class.
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

	/** Default for a migration connection that goes through a transaction-mode pooler: refuse it. */
	public static final PoolerPolicy DEFAULT_POOLER_POLICY = PoolerPolicy.FAIL;

	/** Default number of retries of a migration that timed out waiting for a lock: none. */
	public static final int DEFAULT_LOCK_RETRIES = 0;

	/** Default pause before the first retry of a migration that timed out waiting for a lock. */
	public static final Duration DEFAULT_LOCK_RETRY_DELAY = Duration.ofSeconds(1);

	private final DataSource dataSource;

	private final List<String> locations;

	private final String schema;

	private final String table;

	private final Duration lockWaitTimeout;

	private final boolean baselineOnMigrate;

	private final MigrationVersion baselineVersion;

	private final boolean outOfOrder;

	private final Map<String, String> placeholders;

	private final List<JavaMigration> javaMigrations;

	private final List<MigrationListener> listeners;

	private final ClassLoader classLoader;

	private final DataClock dataClock;

	private final Map<String, LintSeverity> lintSeverities;

	private final PoolerPolicy poolerPolicy;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final int lockRetries;

	private final Duration lockRetryDelay;

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
		this.placeholders = Map.copyOf(builder.placeholders);
		this.javaMigrations = List.copyOf(builder.javaMigrations);
		this.listeners = List.copyOf(builder.listeners);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader : RatchetConfiguration.class.getClassLoader();
		this.dataClock = Objects.requireNonNull(builder.dataClock, "dataClock must not be null");
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
			.placeholders(this.placeholders)
			.classLoader(this.classLoader)
			.dataClock(this.dataClock)
			.lintSeverities(this.lintSeverities)
			.poolerPolicy(this.poolerPolicy)
			.lockTimeout(this.lockTimeout)
			.statementTimeout(this.statementTimeout)
			.lockRetries(this.lockRetries)
			.lockRetryDelay(this.lockRetryDelay);
		builder.javaMigrations.addAll(this.javaMigrations);
		builder.listeners.addAll(this.listeners);
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

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
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
	public static final class Builder {

		private final DataSource dataSource;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private String schema;

		private String table = DEFAULT_TABLE;

		private Duration lockWaitTimeout = DEFAULT_LOCK_WAIT_TIMEOUT;

		private boolean baselineOnMigrate;

		private String baselineVersion = DEFAULT_BASELINE_VERSION;

		private boolean outOfOrder;

		private Map<String, String> placeholders = Map.of();

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private final List<MigrationListener> listeners = new ArrayList<>();

		private ClassLoader classLoader;

		private DataClock dataClock = DataClock.system();

		private Map<String, LintSeverity> lintSeverities = Map.of();

		private PoolerPolicy poolerPolicy = DEFAULT_POOLER_POLICY;

		private Duration lockTimeout;

		private Duration statementTimeout;

		private int lockRetries = DEFAULT_LOCK_RETRIES;

		private Duration lockRetryDelay = DEFAULT_LOCK_RETRY_DELAY;

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

		public Builder placeholders(Map<String, String> placeholders) {
			this.placeholders = new LinkedHashMap<>(placeholders);
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

		public RatchetConfiguration build() {
			return new RatchetConfiguration(this);
		}

	}

}
