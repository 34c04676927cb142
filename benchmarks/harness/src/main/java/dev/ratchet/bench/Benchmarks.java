package dev.ratchet.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmark scenarios and writes their tables (Markdown) to {@code bench-work/results-*.md}
 * and standard output. System properties: {@code bench.scenarios} (comma-separated, or {@code all}),
 * {@code bench.size} ({@code full} or {@code small}), {@code bench.rounds}, {@code bench.apps} (the
 * start-up apps' folder) and {@code bench.work} (scratch folder).
 */
public final class Benchmarks {

	static final List<String> ALL = List.of("apply", "noop", "startup", "concurrent", "large", "backfill", "parallel", "disabled", "tenants");

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		Path work = Path.of(System.getProperty("bench.work", "target/bench-work")).toAbsolutePath();
		Path apps = Path.of(System.getProperty("bench.apps", "benchmarks/apps")).toAbsolutePath();
		String selected = System.getProperty("bench.scenarios", "all");
		List<String> scenarios = "all".equals(selected) ? ALL : Arrays.asList(selected.split("\\s*,\\s*"));
		Report report = new Report(work.resolve("results-"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md"));
		report.line("## Run of " + String.join(", ", scenarios) + " (" + (settings.full() ? "full" : "small") + " size)");
		report.line("");
		report.line(Machine.describe());
		report.line("- PostgreSQL: " + Databases.serverVersion());
		report.line("- load before: " + Machine.load());
		for (String scenario : scenarios) {
			long start = System.nanoTime();
			switch (scenario) {
				case "apply" -> new ApplyScenario(settings, work, report).run();
				case "noop" -> new NoopScenario(settings, work, report).run();
				case "startup" -> new StartupScenario(settings, work, apps, report).run();
				case "disabled" -> new DisabledScenario(settings, apps, report).run();
				case "concurrent" -> new ConcurrentScenario(settings, work, report).run();
				case "large" -> new LargeScriptScenario(settings, work, report).run();
				case "backfill" -> new BackfillScenario(settings, report).run();
				case "parallel" -> new ParallelBackfillScenario(settings, report).run();
				case "tenants" -> new TenantsScenario(settings, work, report).run();
				default -> throw new IllegalArgumentException("Unknown scenario '" + scenario + "': use one of " + ALL);
			}
			report.line("");
			report.line("_(" + scenario + " took " + Math.round((System.nanoTime() - start) / 1e9) + " s; load after: "
					+ Machine.load() + ")_");
		}
		report.line("");
		report.line("- load after: " + Machine.load());
		Progress.log("Results written to " + report.file());
		// Embedded PostgreSQL, when used, stops in a shutdown hook.
		System.exit(0);
	}

}
