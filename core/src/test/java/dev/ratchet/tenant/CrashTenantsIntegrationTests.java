package dev.ratchet.tenant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.ChildJvm;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL while it migrates many tenants, several of them in the middle of a
 * migration: every tenant is at its previous version or its next, never half, and the next run
 * completes all of them, each migration applied exactly once.
 */
class CrashTenantsIntegrationTests {

	private static final int TENANTS = 12;

	private static final String V1 = "CREATE TABLE applied (version int NOT NULL);\nINSERT INTO applied VALUES (1);";

	// Sleeps between its two statements only in the tenants listed in the marker table.
	private static final String V2 = """
			CREATE TABLE b (id int);
			INSERT INTO applied VALUES (2);
			SELECT pg_sleep(30) WHERE EXISTS (SELECT 1 FROM crash.marker WHERE tenant = current_schema());
			CREATE TABLE b2 (id int);
			""";

	@TempDir
	Path dir;

	@Test
	void killedRunLeavesEveryTenantAtItsPreviousOrNextVersionAndTheNextRunCompletesThem() throws Exception {
		MigrationFiles previous = new MigrationFiles(this.dir.resolve("v1")).write("V1__applied.sql", V1);
		MigrationFiles next = new MigrationFiles(this.dir.resolve("v2")).write("V1__applied.sql", V1)
			.write("V2__b.sql", V2);
		List<String> schemas = IntStream.rangeClosed(1, TENANTS).mapToObj((i) -> "t" + i).toList();
		Path log = ChildLogs.file("CrashTenants-migrator");
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			assertThat(tenants(db, schemas, previous).migrate().orThrow().upToDate()).isEqualTo(TENANTS);
			// Every third tenant sleeps in the middle of V2: several are killed there at once.
			Sql.execute(db, "CREATE SCHEMA crash; CREATE TABLE crash.marker (tenant text)");
			Sql.execute(db, "INSERT INTO crash.marker SELECT 't' || i FROM generate_series(3, " + TENANTS + ", 3) i");
			// The server notices the killed client during pg_sleep instead of after it.
			Sql.execute(db, "ALTER DATABASE \"" + db.name() + "\" SET client_connection_check_interval = 100");
			Process child = ChildJvm.migrate(db, next.location(), log,
					"-Dratchet.test.tenants=" + String.join(",", schemas), "-Dratchet.test.tenant-parallelism=4");
			long killedMidMigration;
			try {
				killedMidMigration = awaitSleepers(db, child, log);
			}
			finally {
				child.destroyForcibly();
				child.waitFor(30, TimeUnit.SECONDS);
			}
			awaitNoSleepers(db);
			int atNext = 0;
			for (String schema : schemas) {
				long version2 = Sql.number(db, "SELECT count(*) FROM " + schema + ".ratchet_history WHERE version = '2'");
				assertThat(Sql.number(db, "SELECT count(*) FROM " + schema + ".ratchet_history WHERE NOT success"))
					.as(schema + " has no failed row").isZero();
				assertThat(Sql.number(db, "SELECT count(*) FROM " + schema + ".ratchet_history WHERE version = '1'"))
					.as(schema + " at version 1 at least").isEqualTo(1);
				assertThat(version2).as(schema + " applied V2 at most once").isLessThanOrEqualTo(1);
				boolean applied = version2 == 1;
				assertThat(Sql.exists(db, schema + ".b")).as(schema + ".b iff V2 applied").isEqualTo(applied);
				assertThat(Sql.exists(db, schema + ".b2")).as(schema + ".b2 iff V2 applied").isEqualTo(applied);
				assertThat(Sql.number(db, "SELECT count(*) FROM " + schema + ".applied"))
					.as(schema + " counter").isEqualTo(applied ? 2 : 1);
				atNext += applied ? 1 : 0;
			}
			// Those killed in the middle of V2 (and those not reached) are still at version 1.
			assertThat((long) atNext).isLessThanOrEqualTo(TENANTS - killedMidMigration);
			Sql.execute(db, "TRUNCATE crash.marker");
			TenantsReport report = tenants(db, schemas, next).migrate().orThrow();
			assertThat(report.upToDate()).isEqualTo(TENANTS);
			assertThat(report.applied()).isEqualTo(TENANTS - atNext);
			for (String schema : schemas) {
				assertThat(Sql.column(db, "SELECT coalesce(version, '-') || ' ' || success FROM " + schema
						+ ".ratchet_history ORDER BY installed_rank"))
					.as(schema).containsExactly("1 true", "2 true");
				assertThat(Sql.column(db, "SELECT version::text FROM " + schema + ".applied ORDER BY version"))
					.as(schema).containsExactly("1", "2");
				assertThat(Sql.exists(db, schema + ".b2")).isTrue();
			}
		}
	}

	private static RatchetTenants tenants(TestDatabase.Db db, List<String> schemas, MigrationFiles files) {
		return RatchetTenants.builder(RatchetConfiguration.builder(db.dataSource()).build())
			.schemas(schemas)
			.locations(List.of(files.location()))
			.parallelism(4)
			.build();
	}

	/**
	 * Waits until at least two sessions sleep in V2, or one has slept for a few seconds (a run
	 * waiting for its second connection in the budget may keep the others from starting), and
	 * returns how many sleep.
	 */
	private static long awaitSleepers(TestDatabase.Db db, Process child, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long firstSeen = 0;
		while (System.nanoTime() < deadline) {
			if (!child.isAlive()) {
				throw new AssertionError("the run ended before it was killed: " + Files.readString(log));
			}
			long sleeping = sleepers(db);
			if (sleeping >= 2) {
				return sleeping;
			}
			if (sleeping == 1) {
				firstSeen = (firstSeen == 0) ? System.nanoTime() : firstSeen;
				if (System.nanoTime() - firstSeen > Duration.ofSeconds(3).toNanos()) {
					return sleeping;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the run never reached the slow statement: " + Files.readString(log));
	}

	/**
	 * Waits until the killed run's sessions have ended.
	 */
	private static void awaitNoSleepers(TestDatabase.Db db) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (sleepers(db) > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the killed run's sessions never ended");
			}
			Thread.sleep(50);
		}
	}

	private static long sleepers(TestDatabase.Db db) {
		return Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND state = 'active' AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
	}

}
