package dev.ratchet.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

	private static final String HISTORY = "ratchet_history";

	private static final List<String> THREE = List.of("slow", "shop_1", "shop_2");

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private MigrationFiles files;

	@BeforeEach
	void setUp() {
		this.db = TestDatabase.createDatabase();
		Sql.execute(this.db, "CREATE TABLE public.gate (id int)");
		// The tenant "slow" waits in V2 for the gate, which the tests hold shut as long as they need;
		// every other tenant's V2 does not wait.
		this.files = new MigrationFiles(this.dir).write("V1__orders.sql", "CREATE TABLE orders (id int);")
			.write("V2__pause.sql", "DO $$ BEGIN IF current_schema() = 'slow' THEN "
					+ "LOCK TABLE public.gate IN SHARE MODE; END IF; END $$;")
			.write("V3__items.sql", "CREATE TABLE items (id int);");
	}

	@AfterEach
	void tearDown() {
		this.db.close();
	}

	@Test
	void manyTenantsWithASlowOneStayWithinParallelismPlusOneConnectionsAndTheOthersFinishMeanwhile() throws Exception {
		List<String> others = IntStream.rangeClosed(1, 30).mapToObj((i) -> "shop_" + i).toList();
		CountingDataSource counted = new CountingDataSource(this.db.dataSource());
		RatchetTenants tenants = tenants(counted, Stream.concat(Stream.of("slow"), others.stream()).toList());
		TenantsReport report;
		try (Gate gate = Gate.shut(this.db)) {
			CompletableFuture<TenantsReport> run = CompletableFuture.supplyAsync(tenants::migrate);
			// While the slow tenant is stuck, every other tenant is brought up to date.
			Await.until(() -> others.stream().allMatch((schema) -> Sql.exists(this.db, schema + ".items")));
			assertThat(run).isNotDone();
			gate.open();
			report = run.get(2, TimeUnit.MINUTES);
		}

		assertThat(report.problems()).isEmpty();
		assertThat(report.upToDate()).isEqualTo(others.size() + 1);
		// Counted outside Ratchet's own budget: every connection taken from the DataSource, the run's
		// status reads included.
		assertThat(counted.peak()).isBetween(2, PARALLELISM + 1);
		assertThat(tenants.getPeakConnections()).isBetween(2, PARALLELISM + 1);
	}

	@Test
	void theSharedLockSessionHoldsTheRunningTenantsLockSoAnotherInstanceCannotTakeIt() throws Exception {
		CompletableFuture<TenantsReport> run;
		try (Gate gate = Gate.shut(this.db)) {
			run = runUntilTheSlowTenantWaits();

			// Another session cannot take the slow tenant's lock while its migration runs.
			assertThat(tryTheSlowTenantsLock()).isZero();
			// The holder is Ratchet's one lock session, the only one of the run (it may hold other tenants' too).
			assertThat(Sql.column(this.db, "SELECT DISTINCT l.pid || ' ' || a.application_name FROM pg_locks l "
					+ "JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted "
					+ "AND a.datname = current_database()")).singleElement()
				.asString()
				.contains(" ratchet lock ");
			// Another instance asking for that tenant gives up waiting, and migrates nothing.
			RatchetTenants elsewhere = RatchetTenants.builder(RatchetConfiguration.builder(this.db.dataSource())
				.lockWaitTimeout(Duration.ofMillis(500))
				.build()).schemas(List.of("slow")).locations(List.of(this.files.location())).build();
			TenantResult refused = elsewhere.migrateTenant("slow");
			assertThat(refused.status()).isEqualTo(TenantStatus.FAILED);
			assertThat(refused.error()).contains("waiting for the migration lock");
		}
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
		CompletableFuture<TenantsReport> run;
		try (Gate gate = Gate.shut(this.db)) {
			run = runUntilTheSlowTenantWaits();
			assertThat(Sql.number(this.db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
					+ "WHERE application_name LIKE 'ratchet lock %' AND datname = current_database()")).isOne();
		}

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

	private CompletableFuture<TenantsReport> runUntilTheSlowTenantWaits() {
		RatchetTenants tenants = tenants(this.db.dataSource(), THREE);
		CompletableFuture<TenantsReport> run = CompletableFuture.supplyAsync(tenants::migrate);
		Await.until(() -> Sql.number(this.db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND wait_event_type = 'Lock' AND query LIKE 'DO $$ BEGIN IF current_schema()%'") == 1);
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

	/**
	 * Keeps the slow tenant's V2 waiting: a transaction of the test's holding the gate table, until opened.
	 */
	private static final class Gate implements AutoCloseable {

		private final Connection connection;

		private Gate(Connection connection) {
			this.connection = connection;
		}

		static Gate shut(TestDatabase.Db db) throws SQLException {
			Connection connection = db.connect();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("LOCK TABLE public.gate IN ACCESS EXCLUSIVE MODE");
			}
			return new Gate(connection);
		}

		void open() throws SQLException {
			if (!this.connection.isClosed()) {
				this.connection.rollback();
				this.connection.close();
			}
		}

		@Override
		public void close() throws SQLException {
			open();
		}

	}

}
