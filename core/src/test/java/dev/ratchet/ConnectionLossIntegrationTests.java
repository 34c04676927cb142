package dev.ratchet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * The network between Ratchet and PostgreSQL fails mid-migration: a TCP proxy in the test cuts the
 * migration connection, or the one holding the lock. The run fails clearly, nothing is half-applied,
 * the lock is not stuck, and the next run completes.
 */
class ConnectionLossIntegrationTests {

	// A run opens its migration session first (it reads the history there, without the lock, to see
	// whether it needs the lock at all), then the lock session.
	private static final int MIGRATION_CONNECTION = 0;

	private static final int LOCK_CONNECTION = 1;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private TcpProxy proxy;

	@BeforeEach
	void start() throws Exception {
		this.proxy = TcpProxy.to(this.db);
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
	}

	@AfterEach
	void stop() throws Exception {
		this.proxy.close();
	}

	private Ratchet throughProxy() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.proxy.url(this.db));
		dataSource.setUser(this.db.username());
		if (this.db.password() != null) {
			dataSource.setPassword(this.db.password());
		}
		return new Ratchet(RatchetConfiguration.builder(dataSource).locations(this.db.files().location()).build());
	}

	private Ratchet direct() {
		return new Ratchet(this.db.configure().build());
	}

	@Test
	void cutMigrationConnectionFailsClearlyAndLeavesNothingOfTheMigration() throws Exception {
		this.db.files().write("V2__slow.sql", """
				CREATE TABLE b (id int);
				INSERT INTO b VALUES (1);
				SELECT pg_sleep(30);
				CREATE TABLE c (id int);
				""");
		RatchetException failure = cutDuringSleep(MIGRATION_CONNECTION);
		assertThat(failure).isInstanceOfSatisfying(MigrationFailedException.class, (ex) -> {
			assertThat(ex.getMigration().script()).isEqualTo("V2__slow.sql");
			assertThat(ex.getMessage()).contains("V2__slow.sql failed at line 3",
					"the connection to the database was lost", "nothing of this migration was applied", "Run again");
		});
		assertThat(Sql.exists(this.db, "b")).isFalse();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
		assertLockFree();
		this.db.files().write("V2__slow.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\nCREATE TABLE c (id int);");
		assertThat(direct().migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1", "2");
	}

	@Test
	void cutLockConnectionStopsTheRunBeforeItCommitsAnything() throws Exception {
		this.db.files().write("V2__slow.sql", """
				CREATE TABLE b (id int);
				SELECT pg_sleep(2);
				CREATE TABLE c (id int);
				""").write("V3__later.sql", "CREATE TABLE d (id int);");
		RatchetException failure = cutDuringSleep(LOCK_CONNECTION);
		assertThat(failure).isInstanceOfSatisfying(MigrationFailedException.class, (ex) -> {
			assertThat(ex.getMigration().script()).isEqualTo("V2__slow.sql");
			assertThat(ex.getMessage()).contains("Ratchet lost the migration lock", "connection holding it broke",
					"rolled back");
		});
		assertThat(Sql.exists(this.db, "b")).isFalse();
		assertThat(Sql.exists(this.db, "d")).isFalse();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
		assertLockFree();
		assertThat(direct().migrate().appliedCount()).isEqualTo(2);
	}

	@Test
	void cutConnectionOfANonTransactionalMigrationLeavesAFailedEntryThatStopsTheNextRun() throws Exception {
		this.db.files().write("V2__no_tx.sql", """
				-- ratchet:no-transaction
				CREATE TABLE b (id int);
				SELECT pg_sleep(30);
				CREATE TABLE c (id int);
				""");
		RatchetException failure = cutDuringSleep(MIGRATION_CONNECTION);
		assertThat(failure).isInstanceOfSatisfying(MigrationFailedException.class, (ex) -> {
			assertThat(ex.isTransactional()).isFalse();
			assertThat(ex.getMessage()).contains("the connection to the database was lost",
					"statements before line 3 stay applied");
		});
		assertThat(Sql.exists(this.db, "b")).isTrue();
		assertThat(Sql.column(this.db, "SELECT version || ':' || success || ':' || failure FROM ratchet_history"
				+ " WHERE version = '2'")).singleElement().asString().startsWith("2:false:interrupted");
		assertLockFree();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> direct().migrate())
			.withMessageContaining("V2__no_tx.sql failed part-way")
			.withMessageContaining("run repair");
	}

	/**
	 * Migrates through the proxy and cuts a connection once the migration sleeps; returns the failure.
	 */
	private RatchetException cutDuringSleep(int connection) throws Exception {
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> throughProxy().migrate());
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (Sql.number(this.db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
				+ " AND application_name LIKE 'ratchet migrate %' AND query LIKE 'SELECT pg_sleep%'") == 0) {
			if (run.isDone() || System.nanoTime() > deadline) {
				fail("The migration never reached its sleep: " + run);
			}
			Thread.sleep(20);
		}
		assertThat(this.proxy.connectionCount()).isEqualTo(2);
		this.proxy.cut(connection);
		try {
			run.get(60, TimeUnit.SECONDS);
			throw new AssertionError("The run succeeded although its connection was cut");
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(RatchetException.class);
			return (RatchetException) ex.getCause();
		}
	}

	private void assertLockFree() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
				+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0) {
			if (System.nanoTime() > deadline) {
				fail("The migration lock is still held 10 s after the connection was cut");
			}
			Thread.sleep(20);
		}
	}

}
