package dev.ratchet.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.ratchet.test.TestDatabase;

/**
 * Spring Boot start-up of the packaged apps with the migration tool switched off
 * ({@code ratchet.enabled=false}, {@code spring.flyway.enabled=false}) beside the app with no tool:
 * what a starter that is on the classpath but off still costs. Goal: nothing measurable, so the
 * Ratchet app is no slower than the Flyway app.
 * @param settings the sizes and rounds
 * @param apps the folder of the start-up apps
 * @param report where the tables go
 */
record DisabledScenario(Settings settings, Path apps, Report report) {

	private static final String RATCHET = "Ratchet starter, ratchet.enabled=false";

	private static final String FLYWAY = "Flyway starter, spring.flyway.enabled=false";

	private static final String NONE = "no migration tool";

	void run() throws Exception {
		Path ratchet = BootJars.find(this.apps, "ratchet");
		Path flyway = BootJars.find(this.apps, "flyway");
		Path none = BootJars.find(this.apps, "none");
		Progress.log("disabled: start-up with the tool switched off");
		try (TestDatabase.Db db = Databases.create()) {
			List<Rounds.Contender> contenders = List.of(
					new Rounds.Contender(RATCHET, () -> BootJars.startToReady(ratchet, db, "--ratchet.enabled=false")),
					new Rounds.Contender(FLYWAY, () -> BootJars.startToReady(flyway, db, "--spring.flyway.enabled=false")),
					new Rounds.Contender(NONE, () -> BootJars.startToReady(none, db, "--bench.connect=false")));
			List<Map<String, List<Double>>> metrics = Rounds.alternateMetrics(1, this.settings.rounds(15), contenders);
			List<String[]> pairs = List.of(new String[] { RATCHET, FLYWAY }, new String[] { RATCHET, NONE },
					new String[] { FLYWAY, NONE });
			this.report.section("Spring Boot start-up with the migration tool switched off (packaged app)");
			this.report.line("Milliseconds from starting `java -jar` to `ApplicationReadyEvent`:");
			this.report.line("");
			this.report.table(metrics.get(0), "ms", pairs);
			this.report.line("CPU time the app's JVM used until ready:");
			this.report.line("");
			this.report.table(metrics.get(1), "ms CPU", pairs);
			this.report.line("Classes the JVM loaded until ready (the same in every round; a difference is what the "
					+ "switched-off starter still loads):");
			this.report.line("");
			this.report.table(metrics.get(2), "classes", pairs);
			double ratio = Stats.of(Stats.ratios(metrics.get(1).get(RATCHET), metrics.get(1).get(FLYWAY))).median();
			this.report.line("Goal (switched off costs nothing measurable: CPU ratio Ratchet / Flyway ≤ 1.02, median "
					+ "of per-round ratios): " + ((ratio <= 1.02) ? "**met**" : "**not met**") + " ("
					+ Stats.format(ratio) + ").");
		}
	}

}
