package dev.ratchet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

import dev.ratchet.internal.DelegatingDataSource;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations on tables a long transaction is using: {@code lock_timeout} makes them fail fast,
 * naming the blocking session, instead of queueing the application's queries behind them; retries
 * apply them once the transaction ends.
 */
class BusyTableIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@BeforeEach
	void createAccountTable() {
		this.db.files().write("V1__account.sql",
				"CREATE TABLE account (id int PRIMARY KEY);\nINSERT INTO account VALUES (1), (2);");
		this.db.ratchet().migrate();
		this.db.files().write("V2__add_email.sql", """
				-- needs ACCESS EXCLUSIVE on account
				ALTER TABLE account ADD COLUMN email text;
				UPDATE account SET email = id || '@example.com';
				""");
	}

	private Ratchet retrying(Duration lockTimeout, int lockRetries, Duration lockRetryDelay) {
		return new Ratchet(this.db.configure()
			.lockTimeout(lockTimeout)
			.lockRetries(lockRetries)
			.lockRetryDelay(lockRetryDelay)
			.build());
	}

	private Connection openReportTransaction() throws Exception {
		Connection report = this.db.connect();
		try (Statement statement = report.createStatement()) {
			statement.execute("SET application_name = 'nightly-report'");
		}
		report.setAutoCommit(false);
		try (Statement statement = report.createStatement()) {
			statement.execute("SELECT count(*) FROM account");
		}
		return report;
	}

	private static int pid(Connection connection) throws Exception {
		return connection.unwrap(PGConnection.class).getBackendPID();
	}

	@Test
	void migrationBehindALongTransactionFailsFastNamingTheBlockingSession() throws Exception {
		try (Connection report = openReportTransaction()) {
			Ratchet ratchet = new Ratchet(this.db.configure().lockTimeout(Duration.ofMillis(500)).build());
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate).satisfies((ex) -> {
				assertThat(ex.getFailure().sqlState()).isEqualTo("55P03");
				assertThat(ex.getMessage()).contains("V2__add_email.sql failed at line 2", "lock timeout",
						"held by pid " + pid(report), "application \"nightly-report\"", "idle in transaction",
						"transaction started 20", "pg_terminate_backend", "ratchet.lock-retries", "rolled back");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			report.rollback();
		}
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
		assertThat(Sql.number(this.db,
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'email'"))
			.isZero();
	}

	@Test
	void applicationQueriesDoNotQueueBehindAMigrationThatGaveUp() throws Exception {
		try (Connection report = openReportTransaction(); Connection app = this.db.connect()) {
			Ratchet ratchet = new Ratchet(this.db.configure().lockTimeout(Duration.ofMillis(300)).build());
			CompletableFuture<Void> migration = CompletableFuture.runAsync(ratchet::migrate);
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> migration.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(MigrationFailedException.class);
			try (Statement statement = app.createStatement()) {
				statement.setQueryTimeout(5);
				statement.execute("SELECT * FROM account");
			}
			report.rollback();
		}
	}

	@Test
	void lockRetriesApplyTheMigrationOnceTheLongTransactionEnds() throws Exception {
		Connection report = openReportTransaction();
		CompletableFuture<Void> reportEnds = CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1500);
				report.rollback();
				report.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		MigrateResult result = retrying(Duration.ofMillis(300), 6, Duration.ofMillis(100)).migrate();
		reportEnds.get(30, TimeUnit.SECONDS);
		assertThat(result.applied()).extracting((executed) -> executed.migration().script())
			.containsExactly("V2__add_email.sql");
		assertThat(Sql.column(this.db, "SELECT email FROM account ORDER BY id")).containsExactly("1@example.com",
				"2@example.com");
		assertThat(Sql.column(this.db, "SELECT version || ':' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
	}

	@Test
	void retriesGiveUpAfterTheConfiguredNumber() throws Exception {
		try (Connection report = openReportTransaction()) {
			Ratchet ratchet = retrying(Duration.ofMillis(100), 2, Duration.ofMillis(50));
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate)
				.satisfies((ex) -> assertThat(ex.getFailure().sqlState()).isEqualTo("55P03"));
			// three attempts of 100 ms, pauses of 50 and 100 ms
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450),
					Duration.ofSeconds(10));
			report.rollback();
		}
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
	}

	@Test
	void nonTransactionalMigrationIsNotRetried() throws Exception {
		this.db.files().delete("V2__add_email.sql").write("V2__index_account.sql", """
				CREATE INDEX CONCURRENTLY account_id_idx ON account (id);
				""");
		try (Connection report = this.db.connect()) {
			report.setAutoCommit(false);
			try (Statement statement = report.createStatement()) {
				// SHARE ROW EXCLUSIVE conflicts with the SHARE UPDATE EXCLUSIVE a concurrent index build takes.
				statement.execute("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE");
			}
			Ratchet ratchet = retrying(Duration.ofMillis(200), 3, Duration.ofSeconds(5));
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate)
				.satisfies((ex) -> assertThat(ex.isTransactional()).isFalse())
				.withMessageContaining("held by pid " + pid(report));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			report.rollback();
		}
		assertThat(Sql.column(this.db, "SELECT version || ':' || success FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:false");
	}

	@Test
	void statementTimeoutStopsALongStatementAndRollsItBack() {
		this.db.files().delete("V2__add_email.sql").write("V2__slow.sql", """
				CREATE TABLE slow (id int);
				SELECT pg_sleep(30);
				""");
		Ratchet ratchet = new Ratchet(this.db.configure().statementTimeout(Duration.ofMillis(300)).build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate)
			.satisfies((ex) -> assertThat(ex.getFailure().sqlState()).isEqualTo("57014"))
			.withMessageContaining("V2__slow.sql failed at line 2")
			.withMessageContaining("statement timeout");
		assertThat(Sql.exists(this.db, "slow")).isFalse();
	}

	@Test
	void timeoutsApplyToMigrationsAndAreResetOnPooledConnections() throws Exception {
		List<String> seen = new ArrayList<>();
		JavaMigration probe = new TestJavaMigration("3", "read the timeouts", (context) -> {
			seen.add(setting(context.connection(), "lock_timeout"));
			seen.add(setting(context.connection(), "statement_timeout"));
		});
		KeptConnections pool = new KeptConnections(this.db.dataSource());
		new Ratchet(RatchetConfiguration.builder(pool)
			.locations(this.db.files().location())
			.lockTimeout(Duration.ofSeconds(3))
			.statementTimeout(Duration.ofMinutes(2))
			.javaMigrations(probe)
			.build()).migrate();
		assertThat(seen).containsExactly("3s", "2min");
		assertThat(pool.connections).hasSize(2).allSatisfy((connection) -> {
			assertThat(setting(connection, "lock_timeout")).isEqualTo("0");
			assertThat(setting(connection, "statement_timeout")).isEqualTo("0");
		});
		pool.close();
	}

	private static String setting(Connection connection, String name) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_setting('" + name + "')")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * A pool that never closes what it hands out, so a test can see what Ratchet leaves on the connections.
	 */
	private static final class KeptConnections extends DelegatingDataSource {

		final List<Connection> connections = new ArrayList<>();

		KeptConnections(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			Connection connection = super.getConnection();
			this.connections.add(connection);
			return SingleConnectionDataSource.unclosable(connection);
		}

		void close() throws java.sql.SQLException {
			for (Connection connection : this.connections) {
				connection.close();
			}
		}

	}

}
