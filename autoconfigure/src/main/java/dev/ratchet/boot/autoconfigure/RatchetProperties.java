package dev.ratchet.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.PoolerPolicy;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.command.Command;
import dev.ratchet.boot.command.Output;
import dev.ratchet.lint.LintSeverity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for Ratchet database migrations.
 * <p>
 * Longer than the project's ~300 lines on purpose: it is one documented field with its getter and
 * setter per {@code ratchet.*} property (the groups already sit in nested classes), which is how
 * Boot binds and documents them; a property split off elsewhere would be harder to find.
 */
@ConfigurationProperties("ratchet")
public class RatchetProperties {

	/**
	 * Whether Ratchet runs at all.
	 */
	private boolean enabled = true;

	/**
	 * What Ratchet does during start-up: apply pending migrations, or only validate what was
	 * applied and apply nothing.
	 */
	private Mode mode = Mode.MIGRATE;

	/**
	 * One-shot command to run instead of starting the application normally: the report goes to
	 * standard output and the process exits with the command's exit code.
	 */
	private Command command;

	/**
	 * Format of a command's report on standard output.
	 */
	private Output output = Output.TEXT;

	/**
	 * Locations of migrations, with 'classpath:' or 'filesystem:' prefixes. Subfolders are scanned.
	 */
	private List<String> locations = new ArrayList<>(List.of(RatchetConfiguration.DEFAULT_LOCATION));

	/**
	 * Schema holding the history table, at most 63 bytes. Defaults to the connection's current
	 * schema.
	 */
	private String schema;

	/**
	 * Name of the history table, at most 49 bytes: Ratchet names its other tables after it (up to
	 * "<table>_data_failures") and PostgreSQL keeps 63 bytes of an identifier.
	 */
	private String table = RatchetConfiguration.DEFAULT_TABLE;

	/**
	 * JDBC URL of a dedicated connection for migrations, for example a direct URL when the
	 * application goes through a connection pooler. Defaults to the application's DataSource.
	 */
	private String url;

	/**
	 * Database user for migrations. Without 'ratchet.url', it connects to the application's
	 * database as this user.
	 */
	private String username;

	/**
	 * Password of the database user for migrations.
	 */
	private String password;

	private final Lock lock = new Lock();

	private final Health health = new Health();

	private final Drift drift = new Drift();

	@NestedConfigurationProperty
	private final RatchetDataProperties data = new RatchetDataProperties();

	/**
	 * Whether a non-empty schema without history is baselined instead of refused.
	 */
	private boolean baselineOnMigrate;

	/**
	 * Version recorded by a baseline.
	 */
	private String baselineVersion = RatchetConfiguration.DEFAULT_BASELINE_VERSION;

	/**
	 * Whether a pending migration older than the newest applied one may run.
	 */
	private boolean outOfOrder;

	/**
	 * Version 'migrate' and 'plan' stop at: 'latest', 'current' or a version; later pending
	 * migrations stay pending. The 'undo' command requires it and undoes every applied version above
	 * it, or with 'previous' exactly the newest one.
	 */
	private String target = RatchetConfiguration.DEFAULT_TARGET;

	/**
	 * Whether the 'plan' command dry-runs the undo to 'ratchet.target' instead of 'migrate'.
	 */
	private boolean undo;

	/**
	 * Values substituted for ${name} placeholders in SQL migrations.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * Whether ${name} placeholders are replaced at all. Turn off for scripts whose ${...} is data,
	 * such as message templates; then every marker stays as written.
	 */
	private boolean placeholderReplacement = true;

	/**
	 * Whether a migration file that mixes statements PostgreSQL refuses inside a transaction (such
	 * as CREATE INDEX CONCURRENTLY) with others runs without a transaction, statement by statement,
	 * and is recorded as non-transactional migrations are. Off, such a file is refused.
	 */
	private boolean mixed;

	/**
	 * Marker a placeholder starts with.
	 */
	private String placeholderPrefix = "${";

	/**
	 * Marker a placeholder ends with.
	 */
	private String placeholderSuffix = "}";

	/**
	 * How long a migration statement waits for a table or row lock (PostgreSQL's lock_timeout)
	 * before it fails, naming the session that holds the lock. Keeps a migration stuck behind a
	 * long transaction from queueing the application's queries behind it. Defaults to the
	 * server's setting.
	 */
	private Duration lockTimeout;

	/**
	 * How long a migration statement may run (PostgreSQL's statement_timeout). Defaults to the
	 * server's setting.
	 */
	private Duration statementTimeout;

	/**
	 * How many times a transactional SQL migration that failed on the lock timeout is tried again.
	 * It was rolled back whole, so trying again is safe.
	 */
	private int lockRetries = RatchetConfiguration.DEFAULT_LOCK_RETRIES;

	/**
	 * Pause before the first retry of a migration that failed on the lock timeout; doubled before
	 * each further retry.
	 */
	private Duration lockRetryDelay = RatchetConfiguration.DEFAULT_LOCK_RETRY_DELAY;

	/**
	 * What Ratchet does when its migration connection goes through a connection pooler in
	 * transaction mode, where the migration lock does not keep other instances out: 'fail' refuses
	 * to migrate (point ratchet.url at the database's direct URL instead), 'warn' logs a warning and
	 * goes on.
	 */
	private PoolerPolicy poolerPolicy = RatchetConfiguration.DEFAULT_POOLER_POLICY;

	private final Lint lint = new Lint();

	private final Adopt adopt = new Adopt();

	private final Repair repair = new Repair();

	/**
	 * Tenant schema (or database) a command runs on alone, instead of every tenant.
	 */
	private String tenant;

	@NestedConfigurationProperty
	private final TenantsProperties tenants = new TenantsProperties();

	public String getTenant() {
		return this.tenant;
	}

	public void setTenant(String tenant) {
		this.tenant = tenant;
	}

	public TenantsProperties getTenants() {
		return this.tenants;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Command getCommand() {
		return this.command;
	}

	public void setCommand(Command command) {
		this.command = command;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getTable() {
		return this.table;
	}

	public void setTable(String table) {
		this.table = table;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Lock getLock() {
		return this.lock;
	}

	public Health getHealth() {
		return this.health;
	}

	public Drift getDrift() {
		return this.drift;
	}

	public RatchetDataProperties getData() {
		return this.data;
	}

	public boolean isBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public String getBaselineVersion() {
		return this.baselineVersion;
	}

	public void setBaselineVersion(String baselineVersion) {
		this.baselineVersion = baselineVersion;
	}

	public boolean isOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(boolean outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public boolean isUndo() {
		return this.undo;
	}

	public void setUndo(boolean undo) {
		this.undo = undo;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public boolean isPlaceholderReplacement() {
		return this.placeholderReplacement;
	}

	public void setPlaceholderReplacement(boolean placeholderReplacement) {
		this.placeholderReplacement = placeholderReplacement;
	}

	public boolean isMixed() {
		return this.mixed;
	}

	public void setMixed(boolean mixed) {
		this.mixed = mixed;
	}

	public String getPlaceholderPrefix() {
		return this.placeholderPrefix;
	}

	public void setPlaceholderPrefix(String placeholderPrefix) {
		this.placeholderPrefix = placeholderPrefix;
	}

	public String getPlaceholderSuffix() {
		return this.placeholderSuffix;
	}

	public void setPlaceholderSuffix(String placeholderSuffix) {
		this.placeholderSuffix = placeholderSuffix;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public Duration getLockRetryDelay() {
		return this.lockRetryDelay;
	}

	public void setLockRetryDelay(Duration lockRetryDelay) {
		this.lockRetryDelay = lockRetryDelay;
	}

	public PoolerPolicy getPoolerPolicy() {
		return this.poolerPolicy;
	}

	public void setPoolerPolicy(PoolerPolicy poolerPolicy) {
		this.poolerPolicy = poolerPolicy;
	}

	public Lint getLint() {
		return this.lint;
	}

	public Adopt getAdopt() {
		return this.adopt;
	}

	public Repair getRepair() {
		return this.repair;
	}

	/**
	 * Settings of the 'repair' command.
	 */
	public static class Repair {

		/**
		 * Versions of cancelled batched data migrations that 'repair' records as completed (a
		 * successful history row, written by repair), so that the versions after them proceed; the
		 * items they did not reach stay unprocessed. Without it, repair leaves them cancelled.
		 */
		private List<String> completeCancelled = new ArrayList<>();

		public List<String> getCompleteCancelled() {
			return this.completeCancelled;
		}

		public void setCompleteCancelled(List<String> completeCancelled) {
			this.completeCancelled = completeCancelled;
		}

	}

	/**
	 * Settings of adoption: taking over the history Flyway or Prisma kept.
	 */
	public static class Adopt {

		/**
		 * Whether 'migrate' (at start-up or as a command) first adopts the history Flyway or Prisma
		 * kept in the migration schema when Ratchet's history table is absent there: its rows become
		 * Ratchet's, under the lock and in one transaction, checksums verified against the files, and
		 * the foreign table is left as it was. Off, such a schema is refused as not empty.
		 */
		private boolean enabled = true;

		/**
		 * Name of Flyway's history table in the migration schema, as Flyway's 'table' setting had it.
		 */
		private String flywayTable = RatchetConfiguration.DEFAULT_ADOPT_FLYWAY_TABLE;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getFlywayTable() {
			return this.flywayTable;
		}

		public void setFlywayTable(String flywayTable) {
			this.flywayTable = flywayTable;
		}

	}

	/**
	 * Migration lock settings.
	 */
	public static class Lock {

		/**
		 * How long an instance waits for another instance's migration lock before failing.
		 */
		private Duration waitTimeout = RatchetConfiguration.DEFAULT_LOCK_WAIT_TIMEOUT;

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

	}

	/**
	 * Settings of the 'migrations' health contributor.
	 */
	public static class Health {

		/**
		 * How long the 'migrations' health contributor reuses its reading of the history table, so
		 * that frequent probes cost little. A run of this instance ending makes it read again at
		 * once. Zero reads it on every check.
		 */
		private Duration cacheTtl = Duration.ofSeconds(1);

		/**
		 * Whether the 'migrations' health contributor reports DOWN when the schema has drifted
		 * from Ratchet's snapshot of it (objects added, removed or changed outside the
		 * migrations). Otherwise drift only shows in the health details, and a start-up with
		 * nothing to apply leaves the comparison (a read of the catalog's state) until the
		 * application is ready, when it runs in the background and logs any drift.
		 */
		private boolean failOnDrift;

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public boolean isFailOnDrift() {
			return this.failOnDrift;
		}

		public void setFailOnDrift(boolean failOnDrift) {
			this.failOnDrift = failOnDrift;
		}

	}

	/**
	 * Settings of drift detection: comparing the live schema with Ratchet's snapshot of it.
	 */
	public static class Drift {

		/**
		 * How long the 'migrations' endpoint and health contributor reuse a comparison of the live
		 * schema with Ratchet's snapshot (a few catalog queries). A change of the history, by a run
		 * of this or another instance, makes them compare again at once. Zero compares on every
		 * call.
		 */
		private Duration cacheTtl = Duration.ofMinutes(1);

		/**
		 * Whether drift is looked for at all. Off, status never reports DRIFT.
		 */
		private boolean enabled = true;

		/**
		 * Objects drift detection leaves out, as 'kind:pattern': kind is table, column,
		 * constraint, index, trigger, view, materialized_view, sequence, function, extension or
		 * '*'; in the pattern, '*' matches any characters (for example 'table:qrtz_*'). An ignored
		 * table takes what belongs to it along. A pattern without a kind applies to every kind.
		 */
		private List<String> ignore = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getIgnore() {
			return this.ignore;
		}

		public void setIgnore(List<String> ignore) {
			this.ignore = ignore;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

	/**
	 * Settings of the lint that checks pending migrations before anything of a run is applied.
	 */
	public static class Lint {

		/**
		 * Severity of lint rules, by rule id (for example 'dialect.datetime' or
		 * 'risk.index-not-concurrent'): 'off', 'warning' or 'error'. An error stops a run before
		 * anything of it is applied. Rules not named keep their default severity.
		 */
		private Map<String, LintSeverity> severity = new LinkedHashMap<>();

		public Map<String, LintSeverity> getSeverity() {
			return this.severity;
		}

		public void setSeverity(Map<String, LintSeverity> severity) {
			this.severity = severity;
		}

	}

	/**
	 * What Ratchet does during start-up.
	 */
	public enum Mode {

		/**
		 * Apply pending migrations.
		 */
		MIGRATE,

		/**
		 * Apply nothing; fail start-up if anything applied is invalid (changed, missing, failed).
		 */
		VALIDATE

	}

}
