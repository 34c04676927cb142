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
 */
final class NoopScenario {

	private final Settings settings;

	private final Path work;

	private final Report report;

	NoopScenario(Settings settings, Path work, Report report) {
		this.settings = settings;
		this.work = work;
		this.report = report;
	}

	void run() throws Exception {
		int count = this.settings.noopCount();
		Path folder = MigrationFiles.write(this.work.resolve("noop-migrations"), MigrationFiles.trivial(count));
		String location = "filesystem:" + folder.toAbsolutePath();
		Progress.log("noop: " + count + " applied, nothing pending");
		try (TestDatabase.Db ratchetDb = Databases.create(); TestDatabase.Db flywayDb = Databases.create();
				HikariDataSource ratchetPool = Databases.pool(ratchetDb);
				HikariDataSource flywayPool = Databases.pool(flywayDb)) {
			Ratchet ratchet = ratchet(ratchetPool, location);
			Flyway flyway = flyway(flywayPool, location);
			ratchet.migrate();
			flyway.migrate();
			int rounds = this.settings.rounds(30) * (this.settings.full() ? 1 : 5);
			Map<String, List<Double>> fresh = Rounds.alternate(20, rounds, List.of(
					new Rounds.Contender("Ratchet", () -> time(() -> ratchet(ratchetPool, location).migrate())),
					new Rounds.Contender("Flyway", () -> time(() -> flyway(flywayPool, location).migrate()))));
			Map<String, List<Double>> reused = Rounds.alternate(20, rounds, List.of(
					new Rounds.Contender("Ratchet", () -> time(ratchet::migrate)),
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
			this.report.table(fresh, "ms", List.<String[]>of(new String[] { "Ratchet", "Flyway" }));
			this.report.line("With one engine reused (what a status endpoint or a repeated call does):");
			this.report.line("");
			this.report.table(reused, "ms", List.<String[]>of(new String[] { "Ratchet", "Flyway" }));
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
			int[] f = roundTrips(flywayDb, ".\"flyway_schema_history\"", (ds) -> flyway(ds, location)::migrate);
			this.report.line("| Ratchet | " + r[0] + " | " + r[1] + " | " + r[2] + " |");
			this.report.line("| Flyway | " + f[0] + " | " + f[1] + " | " + f[2] + " |");
			this.report.line("");
			double median = Stats.of(fresh.get("Ratchet")).median();
			double reusedMedian = Stats.of(reused.get("Ratchet")).median();
			this.report.line("(A round trip counts as reading the history table when it names the table qualified by its "
					+ "schema, `.\"ratchet_history\"` or `.\"flyway_schema_history\"`, as every query on it does; not "
					+ "the drift snapshot table's queries, nor the catalog query that lists Ratchet's tables by name to leave "
					+ "them out.)");
			this.report.line("");
			this.report.line("Goal (≤ 15 ms; one round trip to the history table): time "
					+ ((median <= 15) ? "**met**" : "**not met**") + " with a new engine per call (median "
					+ Stats.format(median) + " ms), " + ((reusedMedian <= 15) ? "**met**" : "**not met**")
					+ " with one engine reused (median " + Stats.format(reusedMedian) + " ms); history round trips "
					+ ((r[2] <= 1) ? "**met**" : "**not met**") + " (" + r[2] + ").");
		}
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
		try (RoundTripProxy proxy = new RoundTripProxy(db.url(), table);
				HikariDataSource pool = Databases.pool(proxy.proxied(db.url()), db)) {
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
