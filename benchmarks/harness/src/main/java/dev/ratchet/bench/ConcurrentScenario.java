package dev.ratchet.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ratchet.test.TestDatabase;

/**
 * P processes start together against one database with N pending migrations. Each must be applied
 * exactly once, and the last process should finish soon after a single process alone would. Two
 * more contenders put the figure in context: one process alone (the goal's reference), and P
 * processes that only connect and exit (what starting P JVMs costs on this machine by itself).
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param report where the tables go
 */
record ConcurrentScenario(Settings settings, Path work, Report report) {

	void run() throws Exception {
		int processes = this.settings.processes();
		int count = this.settings.concurrentCount();
		Path folder = MigrationFiles.write(this.work.resolve("concurrent-migrations"), MigrationFiles.trivial(count));
		String location = "filesystem:" + folder.toAbsolutePath();
		Progress.log("concurrent: " + processes + " processes, " + count + " pending");
		String alone = "1 process";
		String together = processes + " processes";
		String floor = processes + " processes, connect only";
		Map<String, List<Double>> samples = Rounds.alternate(1, this.settings.rounds(5), List.of(
				new Rounds.Contender(alone, () -> launch(1, "ratchet", location, count)),
				new Rounds.Contender(together, () -> launch(processes, "ratchet", location, count)),
				new Rounds.Contender(floor, () -> launch(processes, "connect", location, 0))));
		this.report.section(processes + " processes start together, " + count + " pending");
		this.report.line("Milliseconds from starting the first JVM to the exit of the last (plain JVMs running "
				+ "`Ratchet.migrate()`; each run on a new database, checked afterwards: " + count
				+ " history rows, each version once, the processes' applied counts summing to " + count + ").");
		this.report.line("");
		this.report.table(samples, "ms", List.of(new String[] { together, alone }, new String[] { together, floor }));
		double ratio = Stats.of(Stats.ratios(samples.get(together), samples.get(alone))).median();
		this.report.line("Goal (each applied once; wall ≤ 1.2× one process alone): each applied once **met** (checked "
				+ "every run); wall " + ((ratio <= 1.2) ? "**met**" : "**not met**") + " (median ratio "
				+ Stats.format(ratio) + ").");
		this.report.line("");
		String oneInstance = "1 instance";
		String instances = processes + " instances";
		Progress.log("concurrent: " + processes + " instances in one JVM, " + count + " pending");
		String instancesFloor = processes + " instances, connect only";
		Map<String, List<Double>> inProcess = Rounds.alternate(1, this.settings.rounds(10), List.of(
				new Rounds.Contender(oneInstance, () -> inProcess(1, location, count)),
				new Rounds.Contender(instances, () -> inProcess(processes, location, count)),
				new Rounds.Contender(instancesFloor, () -> inProcess(processes, null, 0))));
		this.report.line("The same with the JVM start-ups taken out: " + processes + " Ratchet instances (threads, "
				+ "each with its own non-pooled DataSource, so its own sessions) in one warm JVM, against one instance "
				+ "alone and against " + processes + " threads that only open a connection and run one query; "
				+ "milliseconds from starting the threads to the last one's return, same checks:");
		this.report.line("");
		this.report.table(inProcess, "ms", List.<String[]>of(new String[] { instances, oneInstance },
				new String[] { instances, instancesFloor }));
		double inRatio = Stats.of(Stats.ratios(inProcess.get(instances), inProcess.get(oneInstance))).median();
		this.report.line("Without the JVM start-ups, wall ≤ 1.2× one alone: " + ((inRatio <= 1.2) ? "**met**" : "**not met**")
				+ " (median ratio " + Stats.format(inRatio) + ").");
	}

	private static double inProcess(int instances, String location, int count) throws Exception {
		try (TestDatabase.Db db = Databases.create()) {
			java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(instances);
			try {
				java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
				for (int i = 0; i < instances; i++) {
					runs.add(executor.submit(() -> {
						if (location == null) {
							ready.await();
							try (java.sql.Connection connection = db.dataSource().getConnection();
									java.sql.Statement statement = connection.createStatement()) {
								statement.execute("SELECT 1");
							}
							return 0;
						}
						dev.ratchet.Ratchet ratchet = new dev.ratchet.Ratchet(
								dev.ratchet.RatchetConfiguration.builder(db.dataSource()).locations(location).build());
						ready.await();
						return ratchet.migrate().appliedCount();
					}));
				}
				long start = System.nanoTime();
				ready.countDown();
				int applied = 0;
				for (java.util.concurrent.Future<Integer> run : runs) {
					applied += run.get();
				}
				double wall = (System.nanoTime() - start) / 1e6;
				if (count > 0) {
					check(db, applied, count);
				}
				return wall;
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	private static void check(TestDatabase.Db db, int applied, int count) throws Exception {
		try (var pool = Databases.pool(db)) {
			long rows = Databases.count(pool, "SELECT count(*) FROM ratchet_history WHERE success");
			long versions = Databases.count(pool, "SELECT count(DISTINCT version) FROM ratchet_history");
			if (applied != count || rows != count || versions != count) {
				throw new IllegalStateException("Not applied exactly once: instances applied " + applied
						+ ", history has " + rows + " rows for " + versions + " versions, expected " + count);
			}
		}
	}

	private static double launch(int processes, String mode, String location, int count) throws Exception {
		try (TestDatabase.Db db = Databases.create()) {
			List<ChildProcess> children = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < processes; i++) {
				children.add(ChildProcess.start(List.of(ChildProcess.java(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), MigrateMain.class.getName(), mode, db.url(),
						db.username(), (db.password() != null) ? db.password() : "-", location), "BENCH-DONE"));
			}
			int applied = 0;
			for (ChildProcess child : children) {
				child.await(600);
				applied += Integer.parseInt(child.marked().get(0).split(" ")[1]);
			}
			double wall = (System.nanoTime() - start) / 1e6;
			if (count > 0) {
				check(db, applied, count);
			}
			return wall;
		}
	}

}
