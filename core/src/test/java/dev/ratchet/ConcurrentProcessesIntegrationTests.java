package dev.ratchet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.ChildJvm;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Sixteen migrator processes (JVMs, not threads) released at the same moment: every migration is
 * applied exactly once, none of them fails, and each one that waited logged who held the lock.
 */
class ConcurrentProcessesIntegrationTests {

	private static final int PROCESSES = 16;

	private static final int MIGRATIONS = 12;

	@TempDir
	Path dir;

	@RepeatedTest(2)
	void sixteenProcessesApplyEachMigrationOnceAndTheWaitingOnesNameTheHolder() throws Exception {
		// The sleep keeps the lock held long enough that every other process finds it taken.
		MigrationFiles files = new MigrationFiles(this.dir.resolve("migrations")).writeCountedSteps(MIGRATIONS,
				"\nSELECT pg_sleep(0.1);");
		Path gate = Files.createDirectories(this.dir.resolve("gate"));
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			List<Process> processes = new ArrayList<>();
			List<Path> logs = new ArrayList<>();
			for (int i = 0; i < PROCESSES; i++) {
				Path log = ChildLogs.file("ConcurrentProcesses-migrator-" + i);
				logs.add(log);
				processes.add(ChildJvm.migrate(db, files.location(), log, "-Dratchet.test.gate=" + gate));
			}
			awaitReady(gate, processes);
			Files.createFile(gate.resolve("go"));
			for (int i = 0; i < PROCESSES; i++) {
				Process process = processes.get(i);
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("migrator %d finished", i).isTrue();
				assertThat(process.exitValue()).as(ChildJvm.log(logs.get(i))).isZero();
			}
			assertThat(Sql.number(db, "SELECT count(*) FROM applied")).isEqualTo(MIGRATIONS);
			assertThat(Sql.number(db, "SELECT count(DISTINCT version) FROM applied")).isEqualTo(MIGRATIONS);
			assertThat(Sql.number(db, "SELECT count(*) FROM ratchet_history WHERE success")).isEqualTo(MIGRATIONS + 1);
			assertThat(Sql.number(db, "SELECT count(*) FROM ratchet_history")).isEqualTo(MIGRATIONS + 1);
			assertOneAppliedAndTheOthersNamedIt(processes, logs);
		}
	}

	private static void awaitReady(Path gate, List<Process> processes) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			try (var ready = Files.list(gate)) {
				if (ready.count() == processes.size()) {
					return;
				}
			}
			if (System.nanoTime() > deadline || processes.stream().anyMatch((process) -> !process.isAlive())) {
				fail("Not every migrator reached the gate");
			}
			Thread.sleep(20);
		}
	}

	private static void assertOneAppliedAndTheOthersNamedIt(List<Process> processes, List<Path> logs) {
		List<Long> appliers = new ArrayList<>();
		for (int i = 0; i < processes.size(); i++) {
			if (ChildJvm.log(logs.get(i)).contains("Applied " + (MIGRATIONS + 1) + " migrations")) {
				appliers.add(processes.get(i).pid());
			}
		}
		assertThat(appliers).as("processes that applied the migrations").hasSize(1);
		String holder = "(application \"ratchet lock ";
		String holderPid = ":" + appliers.get(0) + "\"";
		int waited = 0;
		for (int i = 0; i < processes.size(); i++) {
			if (processes.get(i).pid() == appliers.get(0)) {
				continue;
			}
			String log = ChildJvm.log(logs.get(i));
			assertThat(log).as("migrator %d found the schema migrated", i)
				.contains("is up to date at version " + MIGRATIONS);
			if (log.contains("Waiting for the migration lock")) {
				waited++;
				assertThat(log).as("migrator %d named the holder while it waited", i).contains(holder, holderPid);
			}
		}
		// Released together, the others find the lock taken; one descheduled past the whole run need not.
		assertThat(waited).as("migrators that waited for the lock").isGreaterThanOrEqualTo(PROCESSES / 2);
	}

}
