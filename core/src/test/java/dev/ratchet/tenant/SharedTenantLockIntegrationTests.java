package dev.ratchet.tenant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.Await;
import dev.ratchet.test.CountingDataSource;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.MigrationLock;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant schemas of a run share one lock session: each tenant's run holds one connection, the
 * lock session really holds every running tenant's lock, and losing it fails the tenants it held.
 */
class SharedTenantLockIntegrationTests {

	private static final int PARALLELISM = 3;

	// Long enough that the other tenants finish meanwhile, even on a busy machine.
	private static final int SLOW_SECONDS = 6;

	private static final String HISTORY = "ratchet_history";

	private static final List<String> THREE = List.of("slow", "shop_1", "shop_2");

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private MigrationFiles files;

	@BeforeEach
	void setUp() {
		this.db = TestDatabase.createDatabase();
		// The tenant "slow" sleeps in V2; every other tenant's V2 does not.
		this.files = new MigrationFiles(this.dir).write("V1__orders.sql", "CREATE TABLE orders (id int);")
			.write("V2__pause.sql", "SELECT pg_sleep(CASE WHEN current_schema() = 'slow' THEN " + SLOW_SECONDS
					+ " ELSE 0 END);")
			.write("V3__items.sql", "CREATE TABLE items (id int);");
	}

	@AfterEach
	void tearDown() {
		this.db.close();
	}

	@Test
	void manyTenantsWithASlowOneStayWithinParallelismPlusOneConnectionsAndTheOthersFinishMeanwhile() {
		List<String> schemas = Stream.concat(Stream.of("slow"),
				IntStream.rangeClosed(1, 30).mapToObj((i) -> "shop_" + i)).toList();
		CountingDataSource counted = new CountingDataSource(this.db.dataSource());
		RatchetTenants tenants = tenants(counted, schemas);

		TenantsReport report = tenants.migrate();

		assertThat(report.problems()).isEmpty();
		assertThat(report.upToDate()).isEqualTo(schemas.size());
		// Counted outside Ratchet's own budget: every connection taken from the DataSource, the run's
		// status reads included.
		assertThat(counted.peak()).isBetween(2, PARALLELISM + 1);
		assertThat(tenants.getPeakConnections()).isBetween(2, PARALLELISM + 1);
		// Every other tenant was done before the slow one went on after its sleep (installed_on is when the
		// transaction started).
		String others = schemas.stream().skip(1).map((schema) -> "SELECT max(installed_on) AS t FROM " + schema
				+ "." + HISTORY).reduce((a, b) -> a + " UNION ALL " + b).orElseThrow();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM (" + others + ") o WHERE o.t < (SELECT installed_on FROM "
				+ "slow." + HISTORY + " WHERE version = '3')")).isEqualTo(schemas.size() - 1);
	}

	@Test
	void theSharedLockSessionHoldsTheRunningTenantsLockSoAnotherInstanceCannotTakeIt() throws Exception {
		CompletableFuture<TenantsReport> run = runUntilTheSlowTenantSleeps();

		// Another session cannot take the slow tenant's lock while its migration runs.
		assertThat(tryTheSlowTenantsLock()).isZero();
		// The holder is Ratchet's one lock session, the only one of the run.
		assertThat(Sql.column(this.db, "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a "
				+ "USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()")).singleElement()
			.asString()
			.startsWith("ratchet lock ");
		// Another instance asking for that tenant gives up waiting, and migrates nothing.
		RatchetTenants elsewhere = RatchetTenants.builder(RatchetConfiguration.builder(this.db.dataSource())
			.lockWaitTimeout(Duration.ofMillis(500))
			.build()).schemas(List.of("slow")).locations(List.of(this.files.location())).build();
		TenantResult refused = elsewhere.migrateTenant("slow");
		assertThat(refused.status()).isEqualTo(TenantStatus.FAILED);
		assertThat(refused.error()).contains("waiting for the migration lock");

		TenantsReport report = run.get(2, TimeUnit.MINUTES);
		assertThat(report.upToDate()).isEqualTo(3);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM slow." + HISTORY + " WHERE success")).isEqualTo(3);
		// Released: no advisory lock is left, and another session can take the tenant's.
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
		assertThat(tryTheSlowTenantsLock()).isOne();
	}

	@Test
	void aLostLockSessionFailsTheTenantItHeldWithoutCommittingAndTheNextRunCompletes() throws Exception {
		CompletableFuture<TenantsReport> run = runUntilTheSlowTenantSleeps();

		assertThat(Sql.number(this.db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
				+ "WHERE application_name LIKE 'ratchet lock %' AND datname = current_database()")).isOne();

		TenantsReport report = run.get(2, TimeUnit.MINUTES);
		TenantResult slow = report.tenant("slow");
		assertThat(slow.status()).isEqualTo(TenantStatus.FAILED);
		assertThat(slow.error()).contains("lost the migration lock");
		// V2 ran but was rolled back at its commit: only V1 is recorded.
		assertThat(Sql.column(this.db, "SELECT version FROM slow." + HISTORY + " ORDER BY installed_rank"))
			.containsExactly("1");

		TenantsReport again = tenants(this.db.dataSource(), THREE).migrate();
		assertThat(again.upToDate()).isEqualTo(3);
		assertThat(Sql.column(this.db, "SELECT version FROM slow." + HISTORY + " ORDER BY installed_rank"))
			.containsExactly("1", "2", "3");
	}

	private CompletableFuture<TenantsReport> runUntilTheSlowTenantSleeps() {
		RatchetTenants tenants = tenants(this.db.dataSource(), THREE);
		CompletableFuture<TenantsReport> run = CompletableFuture.supplyAsync(tenants::migrate);
		Await.until(() -> Sql.number(this.db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND state = 'active' AND query LIKE 'SELECT pg_sleep(CASE%' AND now() - query_start > interval '1 second'")
				== 1);
		return run;
	}

	private long tryTheSlowTenantsLock() {
		return Sql.number(this.db, "SELECT pg_try_advisory_lock(" + MigrationLock.key("slow", HISTORY) + ")::int");
	}

	private RatchetTenants tenants(DataSource dataSource, List<String> schemas) {
		return RatchetTenants.builder(RatchetConfiguration.builder(dataSource).build())
			.schemas(schemas)
			.locations(List.of(this.files.location()))
			.parallelism(PARALLELISM)
			.build();
	}

}
