package dev.ratchet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.bench.BackfillScenario.Items;
import dev.ratchet.bench.BackfillScenario.Mode;
import dev.ratchet.test.TestDatabase;

/**
 * The backfill of {@link BackfillScenario} written as most users write it ({@code process()} per
 * item), run with {@code ratchet.data.parallelism} 1, 2 and 4 in one instance, and by two instances
 * (two engines, each with a pool of its own, started together) with 2 workers each: the one that
 * takes the lock runs the migration in claimed ranges, the other claims ranges while it waits for
 * the lock. Each contender gets the same freshly loaded table in a new database; afterwards every
 * row must show {@code touched = 1}.
 */
final class ParallelBackfillScenario {

	private static final String ONE = "1 instance, 1 worker";

	private static final String TWO_WORKERS = "1 instance, 2 workers";

	private static final String FOUR = "1 instance, 4 workers";

	private static final String TWO_INSTANCES = "2 instances, 2 workers each";

	private final Settings settings;

	private final Report report;

	ParallelBackfillScenario(Settings settings, Report report) {
		this.settings = settings;
		this.report = report;
	}

	void run() throws Exception {
		long rows = this.settings.backfillRows();
		int batchSize = Integer.getInteger("bench.batchSize", 1000);
		Progress.log("parallel backfill: " + rows + " rows, batches of " + batchSize);
		List<Rounds.Contender> contenders = List.of(contender(ONE, rows, batchSize, 1, 1),
				contender(FOUR, rows, batchSize, 1, 4), contender(TWO_WORKERS, rows, batchSize, 1, 2),
				contender(TWO_INSTANCES, rows, batchSize, 2, 2));
		Map<String, List<Double>> rate = Rounds.alternate(0, this.settings.rounds(2), contenders);
		this.report.section("Parallel backfill " + String.format("%,d", rows) + " rows");
		this.report.line("The backfill above, per item (`process()`, one UPDATE round trip per row), batches of "
				+ batchSize + ", with `ratchet.data.parallelism` 1, 2 and 4, and by two instances (two engines with "
				+ "pools of their own, started together, 2 workers each). Rows per second (higher is better):");
		this.report.line("");
		this.report.table(rate, "rows/s", List.of(new String[] { FOUR, ONE }, new String[] { TWO_WORKERS, ONE },
				new String[] { TWO_INSTANCES, TWO_WORKERS }, new String[] { TWO_INSTANCES, ONE }));
		double four = Stats.of(Stats.ratios(rate.get(FOUR), rate.get(ONE))).median();
		double instances = Stats.of(Stats.ratios(rate.get(TWO_INSTANCES), rate.get(TWO_WORKERS))).median();
		this.report.line("Goal (4 workers ≥ 3× one worker; two instances ≥ 1.6× one), medians of the per-round ratios: "
				+ "4 workers " + Stats.format(four) + "× one worker, " + verdict(four >= 3) + "; two instances "
				+ Stats.format(instances) + "× one instance with the same workers, " + verdict(instances >= 1.6) + ".");
	}

	private static String verdict(boolean met) {
		return met ? "**met**" : "**not met**";
	}

	/**
	 * A contender whose trial loads the table in a new database (untimed), runs the migration on
	 * {@code instances} engines with {@code workers} workers each (timed), and checks that every row
	 * was touched exactly once (untimed); it returns rows per second.
	 */
	private static Rounds.Contender contender(String name, long rows, int batchSize, int instances, int workers) {
		return new Rounds.Contender(name, () -> {
			try (TestDatabase.Db db = Databases.create(); HikariDataSource loader = Databases.pool(db)) {
				BackfillScenario.load(loader, rows);
				List<HikariDataSource> pools = new ArrayList<>();
				try {
					for (int i = 0; i < instances; i++) {
						// the workers and the lock session
						pools.add(Databases.pool(db.url(), db, workers + 1));
					}
					long start = System.nanoTime();
					List<CompletableFuture<?>> runs = new ArrayList<>();
					for (HikariDataSource pool : pools) {
						runs.add(CompletableFuture.runAsync(() -> new Ratchet(RatchetConfiguration.builder(pool)
							.locations("classpath:db/none")
							.baselineOnMigrate(true)
							.baselineVersion("0")
							.dataParallelism(workers)
							.javaMigrations(new Items(batchSize, Mode.ITEM))
							.build()).migrate()));
					}
					CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
					double elapsed = (System.nanoTime() - start) / 1e9;
					BackfillScenario.checkTouchedOnce(name, loader, rows);
					return rows / elapsed;
				}
				finally {
					pools.forEach(HikariDataSource::close);
				}
			}
		});
	}

}
