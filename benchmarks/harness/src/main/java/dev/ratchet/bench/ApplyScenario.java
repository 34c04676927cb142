package dev.ratchet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import dev.ratchet.MigrationEvent;
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
				new Rounds.Contender("Ratchet", () -> timed((ds, commits) -> new Ratchet(RatchetConfiguration.builder(ds)
					.locations(location)
					.listeners((event) -> {
						if (event instanceof MigrationEvent.MigrationApplied) {
							commits.mark();
						}
					})
					.build()).migrate())),
				new Rounds.Contender("Flyway", () -> timed((ds, commits) -> Flyway.configure()
					.dataSource(ds)
					.locations(location)
					.callbacks(commits.flywayCallback())
					.load()
					.migrate())),
				new Rounds.Contender("floor (JDBC)", () -> timed((ds, commits) -> floor(ds, folder, files, true, commits))),
				new Rounds.Contender(ONE_FLUSH, () -> timed((ds, commits) -> floor(ds, folder, files, false, commits)))));
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
		this.report.line(roundTrips("floor (JDBC)", "no history", count, (ds) -> floor(ds, folder, files, true, new Commits())));
		this.report.line("");
		this.report.line("Steady state: the median time from one migration's commit to the next one's, over the "
				+ count + " migrations of a run (Ratchet: its MigrationApplied events; Flyway: its afterEachMigrate "
				+ "callback; the floors: their commits). A median over a thousand cycles is barely moved by the "
				+ "machine's bursts, which the run totals above take in whole; what a run does once (finding and "
				+ "checking the files, creating the history table, the schema snapshot) is not in it.");
		this.report.line("");
		this.report.table(metrics.get(2), "ms/migration", List.of(new String[] { "Ratchet", ONE_FLUSH },
				new String[] { "Ratchet", "floor (JDBC)" }, new String[] { "Flyway", "floor (JDBC)" }));
		List<Double> steady = Stats.differences(metrics.get(2).get("Ratchet"), metrics.get(2).get(ONE_FLUSH));
		List<Double> steadyFlush = Stats.differences(metrics.get(2).get("Ratchet"), metrics.get(2).get("floor (JDBC)"));
		List<Double> steadyFlyway = Stats.differences(metrics.get(2).get("Flyway"), metrics.get(2).get("floor (JDBC)"));
		this.report.line("Steady-state overhead per migration (same round):");
		this.report.line("");
		this.report.line(Stats.header());
		this.report.line(Stats.of(steady).row("Ratchet − " + ONE_FLUSH, "ms/migration"));
		this.report.line(Stats.of(steadyFlush).row("Ratchet − floor (JDBC)", "ms/migration"));
		this.report.line(Stats.of(steadyFlyway).row("Flyway − floor (JDBC)", "ms/migration"));
		this.report.line("");
		this.report.line("What a run does once: the milliseconds from the start to the first migration's commit "
				+ "(finding, reading and checking the files; the lock, the history table) and from the last commit "
				+ "to the end (the schema snapshot, the lock's release):");
		this.report.line("");
		this.report.table(metrics.get(3), "ms before the first commit", List.<String[]>of(new String[] { "Ratchet", "Flyway" }));
		this.report.table(metrics.get(4), "ms after the last commit", List.<String[]>of(new String[] { "Ratchet", "Flyway" }));
		double median = Stats.of(overhead).median();
		double own = Stats.of(ownOverhead).median();
		double steadyMedian = Stats.of(steady).median();
		this.report.line("Goals (overhead per migration above the floor ≤ 1 ms, and ≤ 0.3 ms since issue 12): "
				+ ((median <= 1.0) ? "**met**" : "**not met**") + " (median " + Stats.format(median) + " ms) and, "
				+ "against the floor that flushes once per run as Ratchet does, " + ((own <= 0.3) ? "**met**" : "**not met**")
				+ " (median " + Stats.format(own) + " ms); in the steady state, against that floor, "
				+ ((steadyMedian <= 0.3) ? "**met**" : "**not met**") + " (median " + Stats.format(steadyMedian) + " ms).");
	}

	private static List<Double> perMigrationOverhead(List<Double> tool, List<Double> floor, int count) {
		return Stats.differences(tool, floor).stream().map((total) -> total / count).toList();
	}

	@FunctionalInterface
	interface Work {

		void run(DataSource dataSource) throws Exception;

	}

	@FunctionalInterface
	interface TimedWork {

		void run(DataSource dataSource, Commits commits) throws Exception;

	}

	/**
	 * The times of a run's commits, for the steady-state cycle.
	 */
	static final class Commits {

		private final List<Long> times = new ArrayList<>(1024);

		void mark() {
			this.times.add(System.nanoTime());
		}

		/**
		 * Returns the median time between consecutive commits, in milliseconds.
		 */
		double medianCycle() {
			List<Double> cycles = new ArrayList<>();
			for (int i = 1; i < this.times.size(); i++) {
				cycles.add((this.times.get(i) - this.times.get(i - 1)) / 1e6);
			}
			return cycles.isEmpty() ? Double.NaN : Stats.of(cycles).median();
		}

		/**
		 * Returns the milliseconds from the start to the first commit, and from the last commit to the end:
		 * what a run does once, before its first migration and after its last.
		 */
		double[] ends(long start, long end) {
			if (this.times.isEmpty()) {
				return new double[] { Double.NaN, Double.NaN };
			}
			return new double[] { (this.times.get(0) - start) / 1e6, (end - this.times.get(this.times.size() - 1)) / 1e6 };
		}

		Callback flywayCallback() {
			return new Callback() {

				@Override
				public boolean supports(Event event,
						Context context) {
					return event == Event.AFTER_EACH_MIGRATE;
				}

				@Override
				public boolean canHandleInTransaction(Event event,
						Context context) {
					return true;
				}

				@Override
				public void handle(Event event,
						Context context) {
					mark();
				}

				@Override
				public String getCallbackName() {
					return "bench-commits";
				}

			};
		}

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
	 * @return wall milliseconds, CPU milliseconds of the calling thread, the median milliseconds
	 * between consecutive commits, and the milliseconds before the first commit and after the last
	 */
	static double[] timed(TimedWork work) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Commits commits = new Commits();
		try (TestDatabase.Db db = Databases.create(); HikariDataSource pool = Databases.pool(db)) {
			long cpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.run(pool, commits);
			long end = System.nanoTime();
			double[] ends = commits.ends(start, end);
			return new double[] { (end - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
					commits.medianCycle(), ends[0], ends[1] };
		}
	}

	/**
	 * The floor: what any tool must at least do, reading each file and running it in a transaction of
	 * its own.
	 * @param flushEach whether every commit waits for the WAL flush (PostgreSQL's default); if not,
	 * only the last one does, as in a Ratchet run, which sends {@code SET LOCAL synchronous_commit =
	 * off} with every commit but its last, on the same round trip
	 */
	static void floor(DataSource dataSource, Path folder, List<MigrationFiles.File> files, boolean flushEach,
			Commits commits) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			int left = files.size();
			for (MigrationFiles.File file : files) {
				String sql = Files.readString(folder.resolve(file.name()));
				statement.execute((flushEach || --left == 0) ? sql : sql + ";\nSET LOCAL synchronous_commit = off");
				connection.commit();
				commits.mark();
			}
			connection.setAutoCommit(true);
		}
	}

}
