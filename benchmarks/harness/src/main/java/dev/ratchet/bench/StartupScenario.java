package dev.ratchet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.test.TestDatabase;

/**
 * Spring Boot start-up of a packaged app ({@code java -jar}) with the Ratchet starter, with the
 * Flyway starter and with no migration tool, timed from starting the process to the app's
 * {@code ApplicationReadyEvent}: once with N migrations applied and nothing pending, once with N
 * pending on an empty database. The migrations are inside the jar, where both tools look by default.
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param apps the folder of the start-up apps
 * @param report where the tables go
 */
record StartupScenario(Settings settings, Path work, Path apps, Report report) {

	private static final List<String> TOOLS = List.of("ratchet", "flyway", "none", "connect");

	private static final Map<String, String> NAMES = Map.of("ratchet", "Ratchet starter", "flyway", "Flyway starter",
			"none", "no migration tool", "connect", "no tool, one connection");

	void run() throws Exception {
		int count = this.settings.startupCount();
		List<MigrationFiles.File> files = MigrationFiles.trivial(count);
		Map<String, Path> jars = new LinkedHashMap<>();
		for (String tool : List.of("ratchet", "flyway", "none")) {
			jars.put(tool, BootJars.withMigrations(BootJars.find(this.apps, tool),
					this.work.resolve("startup").resolve(tool + ".jar"), files));
		}
		jars.put("connect", jars.get("none"));
		int rounds = this.settings.rounds(5);
		Progress.log("startup: " + count + " applied, nothing pending");
		Map<String, TestDatabase.Db> applied = new LinkedHashMap<>();
		try {
			for (String tool : TOOLS) {
				TestDatabase.Db db = Databases.create();
				applied.put(tool, db);
				start(jars.get(tool), db, false);
			}
			List<Rounds.Contender> contenders = new ArrayList<>();
			for (String tool : TOOLS) {
				contenders.add(new Rounds.Contender(NAMES.get(tool),
						() -> start(jars.get(tool), applied.get(tool), tool.equals("connect"))));
			}
			List<Map<String, List<Double>>> samples = Rounds.alternateMetrics(1, rounds, contenders);
			this.report.section("Spring Boot start-up, " + count + " applied, 0 pending (packaged app)");
			write(samples, count, true);
		}
		finally {
			applied.values().forEach(TestDatabase.Db::close);
		}
		Progress.log("startup: " + count + " pending on an empty database");
		List<Rounds.Contender> contenders = new ArrayList<>();
		for (String tool : TOOLS) {
			contenders.add(new Rounds.Contender(NAMES.get(tool), () -> {
				try (TestDatabase.Db db = Databases.create()) {
					return start(jars.get(tool), db, tool.equals("connect"));
				}
			}));
		}
		List<Map<String, List<Double>>> samples = Rounds.alternateMetrics(1, rounds, contenders);
		this.report.section("Spring Boot start-up, " + count + " pending on an empty database (packaged app)");
		write(samples, count, false);
	}

	private void write(List<Map<String, List<Double>>> metrics, int count, boolean applied) {
		this.report.line("Milliseconds from starting `java -jar` to `ApplicationReadyEvent` (the app has a DataSource "
				+ "and nothing else; the " + count + " migrations are in the jar).");
		this.report.line("");
		String ratchet = NAMES.get("ratchet");
		String flyway = NAMES.get("flyway");
		String none = NAMES.get("none");
		List<String[]> pairs = List.of(new String[] { ratchet, none }, new String[] { flyway, none },
				new String[] { ratchet, flyway });
		String oneConnection = NAMES.get("connect");
		Map<String, List<Double>> samples = metrics.get(0);
		this.report.table(samples, "ms", pairs);
		this.report.line("CPU time the app's JVM used until ready (all its threads; disturbed far less than wall "
				+ "time by other work on the machine, but blind to the time PostgreSQL spends):");
		this.report.line("");
		this.report.table(metrics.get(1), "ms CPU", pairs);
		List<Double> cpuRatchet = Stats.differences(metrics.get(1).get(ratchet), metrics.get(1).get(none));
		List<Double> cpuFlyway = Stats.differences(metrics.get(1).get(flyway), metrics.get(1).get(none));
		String connect = oneConnection;
		List<Double> addedRatchet = Stats.differences(samples.get(ratchet), samples.get(none));
		List<Double> addedFlyway = Stats.differences(samples.get(flyway), samples.get(none));
		this.report.line("Start-up added by the tool (tool − no tool, same round):");
		this.report.line("");
		this.report.line(Stats.header());
		this.report.line(Stats.of(addedRatchet).row("Ratchet added", "ms"));
		this.report.line(Stats.of(addedFlyway).row("Flyway added", "ms"));
		this.report.line(Stats.of(Stats.ratios(addedRatchet, addedFlyway)).row("ratio Ratchet added / Flyway added (per round)", "×"));
		this.report.line(Stats.of(cpuRatchet).row("Ratchet added, CPU", "ms CPU"));
		this.report.line(Stats.of(cpuFlyway).row("Flyway added, CPU", "ms CPU"));
		this.report.line(Stats.of(Stats.ratios(cpuRatchet, cpuFlyway)).row("ratio Ratchet added / Flyway added, CPU (per round)", "×"));
		List<Double> overConnectRatchet = Stats.differences(samples.get(ratchet), samples.get(connect));
		List<Double> overConnectFlyway = Stats.differences(samples.get(flyway), samples.get(connect));
		this.report.line(Stats.of(overConnectRatchet).row("Ratchet added over one connection", "ms"));
		this.report.line(Stats.of(overConnectFlyway).row("Flyway added over one connection", "ms"));
		this.report.line(Stats.of(Stats.ratios(overConnectRatchet, overConnectFlyway))
			.row("ratio of those (per round)", "×"));
		List<Double> cpuOverConnectRatchet = Stats.differences(metrics.get(1).get(ratchet), metrics.get(1).get(connect));
		List<Double> cpuOverConnectFlyway = Stats.differences(metrics.get(1).get(flyway), metrics.get(1).get(connect));
		this.report.line(Stats.of(cpuOverConnectRatchet).row("Ratchet added over one connection, CPU", "ms CPU"));
		this.report.line(Stats.of(cpuOverConnectFlyway).row("Flyway added over one connection, CPU", "ms CPU"));
		this.report.line(Stats.of(Stats.ratios(cpuOverConnectRatchet, cpuOverConnectFlyway))
			.row("ratio of those, CPU (per round)", "×"));
		this.report.line("");
		double r = Stats.of(addedRatchet).median();
		double f = Stats.of(addedFlyway).median();
		double rc = Stats.of(overConnectRatchet).median();
		double fc = Stats.of(overConnectFlyway).median();
		if (applied) {
			this.report.line("Goal (added start-up ≤ ⅓ of Flyway's), from the medians: over the app with no tool "
					+ verdict(r <= f / 3) + " (Ratchet adds " + Stats.format(r) + " ms, Flyway " + Stats.format(f)
					+ " ms, ratio " + Stats.format(r / f) + "); over the app that opens one connection "
					+ verdict(rc <= fc / 3) + " (" + Stats.format(rc) + " ms vs " + Stats.format(fc) + " ms, ratio "
					+ Stats.format(rc / fc) + ").");
		}
		else {
			double rt = Stats.of(samples.get(ratchet)).median();
			double ft = Stats.of(samples.get(flyway)).median();
			this.report.line("Goal (ahead of Flyway): " + verdict(rt < ft) + " (medians " + Stats.format(rt) + " ms vs "
					+ Stats.format(ft) + " ms; added over no tool " + Stats.format(r) + " ms vs " + Stats.format(f)
					+ " ms).");
		}
	}

	private static String verdict(boolean met) {
		return met ? "**met**" : "**not met**";
	}

	private static double[] start(Path jar, TestDatabase.Db db, boolean connect) throws Exception {
		return BootJars.startToReady(jar, db, "--bench.connect=" + connect);
	}

}
