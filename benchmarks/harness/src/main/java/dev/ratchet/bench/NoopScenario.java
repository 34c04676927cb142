package dev.ratchet.bench;

import java.nio.file.Path;
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
 * Nothing pending, N applied, warm JVM: what every restart and every status call costs. Measured
 * with a new engine per call (a restart: find and read the files, lock, read the history, validate)
 * and with one engine reused (Ratchet caches the resolved files). Round trips are counted by a proxy
 * in a separate, untimed pass.
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param report where the tables go
 */
record NoopScenario(Settings settings, Path work, Report report) {

	void run() throws Exception {
		int count = this.settings.noopCount();
		Path folder = MigrationFiles.write(this.work.resolve("noop-migrations"), MigrationFiles.trivial(count));
		String location = "filesystem:" + folder.toAbsolutePath();
		Progress.log("noop: " + count + " applied, nothing pending");
		try (TestDatabase.Db ratchetDb = Databases.create(); TestDatabase.Db flywayDb = Databases.create();
				HikariDataSource ratchetPool = Databases.pool(ratchetDb);
				HikariDataSource flywayPool = Databases.pool(flywayDb)) {
			Ratchet ratchet = ratchet(ratchetPool, location);
			Ratchet startup = startup(ratchetPool, location);
			Flyway flyway = flyway(flywayPool, location);
			ratchet.migrate();
			flyway.migrate();
			int rounds = this.settings.rounds(30) * (this.settings.full() ? 1 : 5);
			Map<String, List<Double>> fresh = Rounds.alternate(20, rounds, List.of(
					new Rounds.Contender("Ratchet", () -> time(() -> ratchet(ratchetPool, location).migrate())),
					new Rounds.Contender("Ratchet start-up", () -> time(() -> startup(ratchetPool, location)
						.migrateUntilBackground())),
					new Rounds.Contender("Flyway", () -> time(() -> flyway(flywayPool, location).migrate()))));
			Map<String, List<Double>> reused = Rounds.alternate(20, rounds, List.of(
					new Rounds.Contender("Ratchet", () -> time(ratchet::migrate)),
					new Rounds.Contender("Ratchet start-up", () -> time(startup::migrateUntilBackground)),
					new Rounds.Contender("Flyway", () -> time(flyway::migrate))));
			Map<String, List<Double>> drift = Rounds.alternate(20, rounds, List.<Rounds.Contender>of(
					new Rounds.Contender("drift check alone", () -> time(ratchet::drift))));
			Map<String, List<Double>> status = Rounds.alternate(20, rounds, List.of(
					new Rounds.Contender("Ratchet status()", () -> time(ratchet::status)),
					new Rounds.Contender("Flyway info()", () -> time(() -> flyway.info().all()))));
			this.report.section("Nothing pending, " + count + " applied, warm JVM");
			this.report.line("Milliseconds per `migrate()` call after 20 warm-up calls each, with a new engine per call "
					+ "(what a restart does: find and read " + count + " files, lock, read the history, validate):");
			this.report.line("");
			this.report.table(fresh, "ms", PAIRS);
			this.report.line("With one engine reused (what a status endpoint or a repeated call does):");
			this.report.line("");
			this.report.table(reused, "ms", PAIRS);
			this.report.line("Of which Ratchet's drift check (every `migrate()` compares the schema's catalog with the "
					+ "snapshot recorded after the last run; timed alone here with `Ratchet.drift()`, one call per round, "
					+ "on the same database):");
			this.report.line("");
			this.report.table(drift, "ms", List.of());
			this.report.line("Status calls (one engine reused):");
			this.report.line("");
			this.report.table(status, "ms", List.<String[]>of(new String[] { "Ratchet status()", "Flyway info()" }));
			this.report.line("Network cost of one `migrate()` call with nothing pending (counted by a TCP proxy "
					+ "between the pool and PostgreSQL, second call of a reused engine):");
			this.report.line("");
			this.report.line("| contender | connections borrowed | round trips | round trips naming the history table |");
			this.report.line("|---|---:|---:|---:|");
			int[] r = roundTrips(ratchetDb, ".\"ratchet_history\"", (ds) -> ratchet(ds, location)::migrate);
			int[] u = roundTrips(ratchetDb, ".\"ratchet_history\"", (ds) -> startup(ds, location)::migrateUntilBackground);
			int[] f = roundTrips(flywayDb, ".\"flyway_schema_history\"", (ds) -> flyway(ds, location)::migrate);
			this.report.line("| Ratchet | " + r[0] + " | " + r[1] + " | " + r[2] + " |");
			this.report.line("| Ratchet start-up | " + u[0] + " | " + u[1] + " | " + u[2] + " |");
			this.report.line("| Flyway | " + f[0] + " | " + f[1] + " | " + f[2] + " |");
			this.report.line("");
			double median = Stats.of(fresh.get("Ratchet start-up")).median();
			double reusedMedian = Stats.of(reused.get("Ratchet start-up")).median();
			this.report.line("(A round trip counts as reading the history table when it names the table qualified by its "
					+ "schema, `.\"ratchet_history\"` or `.\"flyway_schema_history\"`, as every query on it does; not "
					+ "the drift snapshot table's queries, nor the catalog query that lists Ratchet's tables by name to leave "
					+ "them out.)");
			this.report.line("");
			this.report.line("(`Ratchet` is `migrate()`, which compares the schema with the drift snapshot on every call; "
					+ "`Ratchet start-up` is `migrateUntilBackground()` with `driftCheckAtStartup(false)`, what a Spring Boot "
					+ "start-up runs by default: the comparison follows once the application is ready.)");
			this.report.line("");
			this.report.line("Goal (≤ 15 ms, the start-up call; one round trip to the history table): time "
					+ ((median <= 15) ? "**met**" : "**not met**") + " with a new engine per call (median "
					+ Stats.format(median) + " ms), " + ((reusedMedian <= 15) ? "**met**" : "**not met**")
					+ " with one engine reused (median " + Stats.format(reusedMedian) + " ms); history round trips "
					+ ((r[2] <= 1) ? "**met**" : "**not met**") + " (" + r[2] + ").");
		}
	}

	private static final List<String[]> PAIRS = List.of(new String[] { "Ratchet", "Flyway" },
			new String[] { "Ratchet start-up", "Flyway" });

	// What a Spring Boot start-up calls, configured as Boot configures it by default: the drift
	// comparison waits until the application is ready.
	private static Ratchet startup(DataSource dataSource, String location) {
		return new Ratchet(RatchetConfiguration.builder(dataSource).locations(location).driftCheckAtStartup(false).build());
	}

	private static Ratchet ratchet(DataSource dataSource, String location) {
		return new Ratchet(RatchetConfiguration.builder(dataSource).locations(location).build());
	}

	private static Flyway flyway(DataSource dataSource, String location) {
		return Flyway.configure().dataSource(dataSource).locations(location).load();
	}

	@FunctionalInterface
	interface Call {

		Object call() throws Exception;

	}

	static double time(Call call) throws Exception {
		long start = System.nanoTime();
		call.call();
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * Counts one call's connections and round trips through a proxy.
	 * @return borrowed connections, round trips, round trips naming the history table
	 */
	private static int[] roundTrips(TestDatabase.Db db, String table,
			java.util.function.Function<DataSource, Call> engine) throws Exception {
		try (RoundTripProxy proxy = new RoundTripProxy(db, table);
				HikariDataSource pool = Databases.pool(proxy.url(db), db)) {
			CountingDataSource counting = new CountingDataSource(pool);
			Call call = engine.apply(counting);
			call.call();
			Thread.sleep(50);
			proxy.reset();
			counting.reset();
			call.call();
			Thread.sleep(50);
			return new int[] { counting.borrowed(), proxy.roundTrips.get(), proxy.markedRoundTrips.get() };
		}
	}

}
