package dev.ratchet.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.test.CountingDataSource;
import dev.ratchet.test.TestDatabase;

/**
 * Schema per tenant: N tenant schemas × M trivial migrations on an empty database, Flyway as its
 * users run it (a loop, one {@code Flyway} per schema) against Ratchet's tenants (parallelism 4),
 * then the same again with everything applied (a restart). Each run gets a new database and a pool
 * of twice parallelism + 1 connections, filled beforehand: larger than Ratchet's bound, so that the
 * connections counted between the pool and Ratchet show Ratchet's own bound, not the pool's.
 * {@code -Dbench.tenantContenders=ratchet} runs Ratchet alone (for a size Flyway's loop would take
 * hours over); {@code -Dbench.tenantProgress=PT30S} has it log its progress (logger
 * {@code dev.ratchet.tenants} at INFO), which shows the rate staying level as the tenants grow.
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param report where the tables go
 */
record TenantsScenario(Settings settings, Path work, Report report) {

	private static final int PARALLELISM = 4;

	private static final int POOL = 2 * (PARALLELISM + 1);

	// Off by default: the progress log would cost time in the measured runs.
	private static final java.time.Duration PROGRESS = java.time.Duration
		.parse(System.getProperty("bench.tenantProgress", "PT10M"));

	void run() throws Exception {
		int size = Integer.getInteger("bench.tenants", 0);
		int tenants = (size > 0) ? size : this.settings.full() ? 500 : 20;
		int migrations = Integer.getInteger("bench.tenantMigrations", 20);
		Path folder = MigrationFiles.write(this.work.resolve("tenant-migrations"), MigrationFiles.trivial(migrations));
		String location = "filesystem:" + folder.toAbsolutePath();
		List<String> schemas = IntStream.rangeClosed(1, tenants).mapToObj((i) -> "tenant_" + i).toList();
		Progress.log("tenants: " + tenants + " schemas × " + migrations + " migrations");
		int[] peak = new int[2];
		Rounds.Contender flyway = new Rounds.Contender("Flyway loop", () -> twice((ds) -> {
			for (String schema : schemas) {
				Flyway.configure().dataSource(ds).schemas(schema).locations(location).load().migrate();
			}
		}));
		Rounds.Contender ratchet = new Rounds.Contender("Ratchet tenants", () -> twice((ds) -> {
			CountingDataSource counted = new CountingDataSource(ds);
			RatchetTenants run = RatchetTenants.builder(RatchetConfiguration.builder(counted).build())
				.schemas(schemas)
				.locations(List.of(location))
				.parallelism(PARALLELISM)
				.progressEvery(PROGRESS)
				.build();
			run.migrate().orThrow();
			peak[0] = Math.max(peak[0], counted.peak());
			peak[1] = Math.max(peak[1], run.getPeakConnections());
		}));
		boolean ratchetOnly = "ratchet".equals(System.getProperty("bench.tenantContenders"));
		List<Map<String, List<Double>>> metrics = Rounds.alternateMetrics(0, this.settings.rounds(2),
				ratchetOnly ? List.of(ratchet) : List.of(flyway, ratchet));
		List<String[]> pairs = ratchetOnly ? List.of() : List.<String[]>of(new String[] { "Ratchet tenants", "Flyway loop" });
		this.report.section(tenants + " tenant schemas × " + migrations + " migrations");
		this.report.line("Milliseconds to migrate every tenant of an empty database (Flyway: a loop over the schemas, one "
				+ "`Flyway` each; Ratchet: `RatchetTenants`, parallelism " + PARALLELISM + "), pool of "
				+ POOL + " connections:");
		this.report.line("");
		this.report.table(metrics.get(0), "ms", pairs);
		this.report.line("The same again with everything applied (a restart: new engines, nothing pending):");
		this.report.line("");
		this.report.table(metrics.get(1), "ms", pairs);
		this.report.line("Most connections Ratchet held at once, counted between the pool and Ratchet: " + peak[0]
				+ " (Ratchet's own count: " + peak[1] + "; parallelism + 1 = " + (PARALLELISM + 1) + ", pool " + POOL
				+ ").");
	}

	@FunctionalInterface
	interface Work {

		void run(DataSource dataSource) throws Exception;

	}

	/**
	 * Runs the work on a new database, then once more with everything applied.
	 * @return wall milliseconds of the first run and of the second
	 */
	private static double[] twice(Work work) throws Exception {
		try (TestDatabase.Db db = Databases.create(); HikariDataSource pool = pool(db)) {
			long start = System.nanoTime();
			work.run(pool);
			double first = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			work.run(pool);
			return new double[] { first, (System.nanoTime() - start) / 1e6 };
		}
	}

	private static HikariDataSource pool(TestDatabase.Db db) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(db.url());
		config.setUsername(db.username());
		config.setPassword(db.password());
		config.setMaximumPoolSize(POOL);
		config.setMinimumIdle(POOL);
		config.setPoolName("bench-tenants");
		return new HikariDataSource(config);
	}

}
