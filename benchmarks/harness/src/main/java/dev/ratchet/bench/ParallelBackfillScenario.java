package dev.ratchet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.zaxxer.hikari.HikariDataSource;

import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.bench.BackfillScenario.Items;
import dev.ratchet.bench.BackfillScenario.Mode;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.test.TestDatabase;

/**
 * The backfill of {@link BackfillScenario} written as most users write it ({@code process()} per
 * item), run with {@code ratchet.data.parallelism} 1, 2 and 4 in one instance, and by two instances
 * (two engines, each with a pool of its own, started together) with 2 workers each: the one that
 * takes the lock runs the migration in claimed ranges, the other claims ranges while it waits for
 * the lock. Each contender gets the same freshly loaded table in a new database; afterwards every
 * row must show {@code touched = 1}. Each run also reports the CPU it used ({@link CpuUse}) and what
 * its batches show ({@link Traces}): items per instance, and each worker's time processing items
 * against its time claiming and committing.
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
		List<String> runs = new ArrayList<>();
		List<Rounds.Contender> contenders = List.of(contender(ONE, rows, batchSize, 1, 1, runs),
				contender(FOUR, rows, batchSize, 1, 4, runs), contender(TWO_WORKERS, rows, batchSize, 1, 2, runs),
				contender(TWO_INSTANCES, rows, batchSize, 2, 2, runs));
		Map<String, List<Double>> rate = Rounds.alternate(0, this.settings.rounds(2), contenders);
		this.report.section("Parallel backfill " + String.format("%,d", rows) + " rows");
		this.report.line("The backfill above, per item (`process()`, one UPDATE round trip per row), batches of "
				+ batchSize + ", with `ratchet.data.parallelism` 1, 2 and 4, and by two instances (two engines with "
				+ "pools of their own, started together, 2 workers each). Rows per second (higher is better):");
		this.report.line("");
		this.report.table(rate, "rows/s", List.of(new String[] { FOUR, ONE }, new String[] { TWO_WORKERS, ONE },
				new String[] { TWO_INSTANCES, TWO_WORKERS }, new String[] { TWO_INSTANCES, ONE },
				// the same four workers, in two instances or one: what cooperating through the database costs
				new String[] { TWO_INSTANCES, FOUR }));
		double four = Stats.of(Stats.ratios(rate.get(FOUR), rate.get(ONE))).median();
		double instances = Stats.of(Stats.ratios(rate.get(TWO_INSTANCES), rate.get(TWO_WORKERS))).median();
		this.report.line("Each run: wall time, CPU (the machine's, shared with whatever else ran; this JVM's; its "
				+ "PostgreSQL backends'), items per instance, and per worker thread the share of its time spent "
				+ "processing items, fetching batches, and otherwise (claiming, committing, waiting):");
		this.report.line("");
		runs.forEach((run) -> this.report.line("- " + run));
		this.report.line("");
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
	private static Rounds.Contender contender(String name, long rows, int batchSize, int instances, int workers,
			List<String> runs) {
		return new Rounds.Contender(name, () -> {
			try (TestDatabase.Db db = Databases.create(); HikariDataSource loader = Databases.pool(db)) {
				BackfillScenario.load(loader, rows);
				List<HikariDataSource> pools = new ArrayList<>();
				try {
					for (int i = 0; i < instances; i++) {
						// the workers and the lock session
						pools.add(Databases.pool(db.url(), db, workers + 1));
					}
					List<Event> events = new ArrayList<>();
					ExecutorService threads = Executors.newFixedThreadPool(instances);
					CpuUse cpu = CpuUse.now(loader);
					long start = System.nanoTime();
					List<CompletableFuture<?>> migrations = new ArrayList<>();
					for (int i = 0; i < instances; i++) {
						HikariDataSource pool = pools.get(i);
						Traced migration = new Traced(new Items(batchSize, Mode.ITEM), i, start, events);
						migrations.add(CompletableFuture.runAsync(() -> new Ratchet(RatchetConfiguration.builder(pool)
							.locations("classpath:db/none")
							.baselineOnMigrate(true)
							.baselineVersion("0")
							.dataParallelism(workers)
							.javaMigrations(migration)
							.build()).migrate(), threads));
					}
					CompletableFuture.allOf(migrations.toArray(CompletableFuture[]::new)).join();
					double elapsed = (System.nanoTime() - start) / 1e9;
					String used = CpuUse.now(loader).since(cpu, elapsed, rows);
					threads.shutdown();
					BackfillScenario.checkTouchedOnce(name, loader, rows);
					String run = name + ": " + Math.round(elapsed * 1000) + " ms; " + used + "; " + Traces.summary(events);
					Progress.log(run);
					runs.add(run);
					Traces.write(name, events);
					return rows / elapsed;
				}
				finally {
					pools.forEach(HikariDataSource::close);
				}
			}
		});
	}

	/**
	 * The backfill of one instance, recording each batch it fetched and processed (thread, start and
	 * end), so that a run can say which instance did how much, from when to when, and how much of each
	 * worker's time went into processing items rather than into claiming.
	 */
	record Traced(Items items, int instance, long origin, List<Event> events) implements BatchedMigration<Long> {

		@Override
		public String version() {
			return this.items.version();
		}

		@Override
		public List<Long> nextBatch(MigrationContext context, String after, int limit) throws Exception {
			long start = System.nanoTime();
			List<Long> batch = this.items.nextBatch(context, after, limit);
			record(Kind.FETCH, start, batch.size());
			return batch;
		}

		@Override
		public BatchOptions options() {
			return this.items.options();
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> ids) throws Exception {
			long start = System.nanoTime();
			this.items.processBatch(context, ids);
			record(Kind.PROCESS, start, ids.size());
		}

		@Override
		public String description() {
			return this.items.description();
		}

		@Override
		public void process(MigrationContext context, Long id) throws Exception {
			this.items.process(context, id);
		}

		@Override
		public String keyOf(Long id) {
			return this.items.keyOf(id);
		}

		private void record(Kind kind, long start, int size) {
			long end = System.nanoTime();
			synchronized (this.events) {
				this.events.add(new Event(this.instance, Thread.currentThread().getName(), kind, (start - this.origin) / 1e6,
						(end - this.origin) / 1e6, size));
			}
		}

	}

	enum Kind {

		FETCH, PROCESS

	}

	/** A batch fetched or processed: by which instance and thread, from and to (ms after the start). */
	record Event(int instance, String thread, Kind kind, double fromMs, double toMs, int items) {
	}

}
