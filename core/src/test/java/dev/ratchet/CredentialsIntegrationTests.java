package dev.ratchet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Ratchet used with a real password on every path that reports something: success, a failing
 * migration, no connection, a lock timeout. Each message and stack trace is printed, so the build's
 * search of the test output for {@link TestCredentials#PASSWORD} covers them along with the logs.
 */
class CredentialsIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@BeforeEach
	void createRoleWithPassword() {
		Sql.execute(this.db, "CREATE ROLE ratchet_pw LOGIN PASSWORD '" + TestCredentials.PASSWORD + "';"
				+ " GRANT ALL ON SCHEMA public TO ratchet_pw; GRANT CREATE ON DATABASE " + this.db.name() + " TO ratchet_pw");
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
	}

	@AfterEach
	void dropDatabaseAndRole() {
		Sql.execute(this.db, "DROP OWNED BY ratchet_pw; DROP ROLE ratchet_pw");
	}

	private DataSource withPassword(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("ratchet_pw");
		dataSource.setPassword(TestCredentials.PASSWORD);
		return dataSource;
	}

	private Ratchet ratchet(DataSource dataSource) {
		return new Ratchet(RatchetConfiguration.builder(dataSource)
			.locations(this.db.files().location())
			.lockWaitTimeout(Duration.ofMillis(300))
			.build());
	}

	@Test
	void successfulRunLogsNoPassword() {
		assertThat(ratchet(withPassword(this.db.url())).migrate().appliedCount()).isEqualTo(1);
	}

	@Test
	void failingMigrationReportsNoPassword() {
		this.db.files().write("V2__bad.sql", "CREATE TABLE b (at timestmp);");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> ratchet(withPassword(this.db.url())).migrate())
			.satisfies(CredentialsIntegrationTests::printAndCheck);
	}

	@Test
	void unreachableServerReportsNoPassword() {
		String url = "jdbc:postgresql://127.0.0.1:1/orders?connectTimeout=2&password=" + TestCredentials.PASSWORD;
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(() -> ratchet(withPassword(url)).migrate())
			.satisfies(CredentialsIntegrationTests::printAndCheck);
	}

	@Test
	void lockTimeoutReportsNoPassword() throws Exception {
		try (var holder = this.db.connect(); var statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> ratchet(withPassword(this.db.url())).migrate())
				.satisfies(CredentialsIntegrationTests::printAndCheck);
		}
	}

	private static void printAndCheck(Throwable ex) {
		StringWriter trace = new StringWriter();
		ex.printStackTrace(new PrintWriter(trace));
		System.out.println(trace);
		assertThat(trace.toString()).doesNotContain(TestCredentials.PASSWORD);
	}

}
