package dev.ratchet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.CountingDataSource;
import dev.ratchet.test.TestDatabase;

/**
 * Applies N trivial migrations to an empty database: Ratchet, Flyway, and the floor (the same
 * statements over JDBC, one transaction per file, nothing recorded). Each run gets a new database
 * and a filled pool; the timed part starts at creating the engine (so it includes finding and
 * reading the files) and ends when the last migration is committed.
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param report where the tables go
 */
record ApplyScenario(Settings settings, Path work, Report report) {

	private static final String ONE_FLUSH = "floor, one flush (JDBC)";

	void run() throws Exception {
		int count = this.settings.applyCount();
		List<MigrationFiles.File> files = MigrationFiles.trivial(count);
		Path folder = MigrationFiles.write(this.work.resolve("apply-migrations"), files);
		String location = "filesystem:" + folder.toAbsolutePath();
		Progress.log("apply: " + count + " migrations");
		List<Map<String, List<Double>>> metrics = Rounds.alternateMetrics(1, this.settings.rounds(5), List.of(
				new Rounds.Contender("Ratchet", () -> timed((ds) -> new Ratchet(
						RatchetConfiguration.builder(ds).locations(location).build()).migrate())),
				new Rounds.Contender("Flyway", () -> timed((ds) -> Flyway.configure()
					.dataSource(ds)
					.locations(location)
					.load()
					.migrate())),
				new Rounds.Contender("floor (JDBC)", () -> timed((ds) -> floor(ds, folder, files, true))),
				new Rounds.Contender(ONE_FLUSH, () -> timed((ds) -> floor(ds, folder, files, false)))));
		Map<String, List<Double>> samples = metrics.get(0);
		this.report.section("Apply " + count + " trivial migrations to an empty database");
		this.report.line("Milliseconds per run of " + count + " migrations (new database each run, pool filled "
				+ "beforehand; timed from creating the engine to the last commit).");
		this.report.line("");
		this.report.table(samples, "ms", List.of(new String[] { "Ratchet", "floor (JDBC)" },
				new String[] { "Ratchet", ONE_FLUSH }, new String[] { "Flyway", "floor (JDBC)" },
				new String[] { "Ratchet", "Flyway" }));
		this.report.line("CPU time of the thread that ran it (the client's own work, which the machine's load "
				+ "disturbs less; PostgreSQL's work and the waits are not in it):");
		this.report.line("");
		this.report.table(metrics.get(1), "ms CPU", List.of(new String[] { "Ratchet", "floor (JDBC)" },
				new String[] { "Flyway", "floor (JDBC)" }, new String[] { "Ratchet", "Flyway" }));
		List<Double> overhead = perMigrationOverhead(samples.get("Ratchet"), samples.get("floor (JDBC)"), count);
		List<Double> flywayOverhead = perMigrationOverhead(samples.get("Flyway"), samples.get("floor (JDBC)"), count);
		// Ratchet lets every commit but a run's last skip the WAL flush, which the plain floor does not: its
		// own work is measured against the floor that commits the same way.
		List<Double> ownOverhead = perMigrationOverhead(samples.get("Ratchet"), samples.get(ONE_FLUSH), count);
		this.report.line("Overhead above the floor, per migration (same round):");
		this.report.line("");
		this.report.line(Stats.header());
		this.report.line(Stats.of(overhead).row("Ratchet − floor", "ms/migration"));
		this.report.line(Stats.of(ownOverhead).row("Ratchet − " + ONE_FLUSH, "ms/migration"));
		this.report.line(Stats.of(flywayOverhead).row("Flyway − floor", "ms/migration"));
		this.report.line("");
		this.report.line("Network cost of applying the same " + count + " migrations (counted by a TCP proxy between "
				+ "the pool and PostgreSQL, untimed):");
		this.report.line("");
		this.report.line("| contender | connections borrowed | round trips | per migration | round trips naming the history table |");
		this.report.line("|---|---:|---:|---:|---:|");
		this.report.line(roundTrips("Ratchet", ".\"ratchet_history\"", count,
				(ds) -> new Ratchet(RatchetConfiguration.builder(ds).locations(location).build()).migrate()));
		this.report.line(roundTrips("Flyway", ".\"flyway_schema_history\"", count,
				(ds) -> Flyway.configure().dataSource(ds).locations(location).load().migrate()));
		this.report.line(roundTrips("floor (JDBC)", "no history", count, (ds) -> floor(ds, folder, files, true)));
		this.report.line("");
		double median = Stats.of(overhead).median();
		double own = Stats.of(ownOverhead).median();
		this.report.line("Goals (overhead per migration above the floor ≤ 1 ms, and ≤ 0.3 ms since issue 12): "
				+ ((median <= 1.0) ? "**met**" : "**not met**") + " (median " + Stats.format(median) + " ms) and, "
				+ "against the floor that flushes once per run as Ratchet does, " + ((own <= 0.3) ? "**met**" : "**not met**")
				+ " (median " + Stats.format(own) + " ms).");
	}

	private static List<Double> perMigrationOverhead(List<Double> tool, List<Double> floor, int count) {
		return java.util.stream.IntStream.range(0, Math.min(tool.size(), floor.size()))
			.mapToObj((i) -> (tool.get(i) - floor.get(i)) / count)
			.toList();
	}

	@FunctionalInterface
	interface Work {

		void run(DataSource dataSource) throws Exception;

	}

	private static String roundTrips(String name, String table, int count, Work work) throws Exception {
		try (TestDatabase.Db db = Databases.create(); RoundTripProxy proxy = new RoundTripProxy(db, table);
				HikariDataSource pool = Databases.pool(proxy.url(db), db)) {
			CountingDataSource counting = new CountingDataSource(pool);
			proxy.reset();
			work.run(counting);
			Thread.sleep(50);
			return "| " + name + " | " + counting.borrowed() + " | " + proxy.roundTrips.get() + " | "
					+ Stats.format((double) proxy.roundTrips.get() / count) + " | " + proxy.markedRoundTrips.get() + " |";
		}
	}

	/**
	 * Runs the work on a new database.
	 * @return wall milliseconds, and CPU milliseconds of the calling thread
	 */
	static double[] timed(Work work) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		try (TestDatabase.Db db = Databases.create(); HikariDataSource pool = Databases.pool(db)) {
			long cpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.run(pool);
			return new double[] { (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 };
		}
	}

	/**
	 * The floor: what any tool must at least do, reading each file and running it in a transaction of
	 * its own.
	 * @param flushEach whether every commit waits for the WAL flush (PostgreSQL's default); if not,
	 * only the last one does, as in a Ratchet run, which sends {@code SET LOCAL synchronous_commit =
	 * off} with every commit but its last, on the same round trip
	 */
	static void floor(DataSource dataSource, Path folder, List<MigrationFiles.File> files, boolean flushEach)
			throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			int left = files.size();
			for (MigrationFiles.File file : files) {
				String sql = Files.readString(folder.resolve(file.name()));
				statement.execute((flushEach || --left == 0) ? sql : sql + ";\nSET LOCAL synchronous_commit = off");
				connection.commit();
			}
			connection.setAutoCommit(true);
		}
	}

}
