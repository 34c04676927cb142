package dev.ratchet.boot.diagnostics;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.test.SessionTableStartupTests;
import dev.ratchet.test.MigrationLock;
import dev.ratchet.test.TestCredentials;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Integration tests for {@link RatchetFailureAnalyzer}: real start-up failures against PostgreSQL,
 * and the report a person reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class RatchetFailureAnalyzerIntegrationTests extends SessionTableStartupTests {

	@Test
	void failedMigrationNamesScriptLineStatementAndPostgresError() {
		this.db.files().write("V2__add_expiry.sql", """
				-- when a session expires
				ALTER TABLE session
				    ADD COLUMN expires_at timestmp;
				""");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).contains("Migration V2__add_expiry.sql failed at line 3")
			.contains("Statement:  ALTER TABLE session ADD COLUMN expires_at timestmp")
			.contains("PostgreSQL: type \"timestmp\" does not exist (SQLSTATE 42704)")
			.contains("rolled back");
		assertThat(analysis.getAction())
			.isEqualTo("Fix V2__add_expiry.sql at line 3 and start the application again: Ratchet retries the migration.");
	}

	@Test
	void failedMigrationWithoutTransactionSaysToRepair() {
		this.db.files().write("V2__add_index.sql", """
				-- ratchet:no-transaction
				CREATE INDEX CONCURRENTLY session_id ON session (id);
				CREATE INDEX CONCURRENTLY session_missing ON session (missing);
				""");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).contains("Migration V2__add_index.sql failed at line 3")
			.contains("without a transaction");
		assertThat(analysis.getAction()).contains("--ratchet.command=repair").contains("Undo or complete by hand");
	}

	@Test
	void failedMigrationActionCarriesTheFixForAKnownError() {
		this.db.files().write("V2__add_embedding.sql", "ALTER TABLE session ADD COLUMN embedding vector(3);");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).contains("PostgreSQL: type \"vector\" does not exist (SQLSTATE 42704)");
		assertThat(analysis.getAction()).startsWith("Fix V2__add_embedding.sql at line 1. Type vector comes from the "
				+ "extension vector: create it in a migration before this one with CREATE EXTENSION IF NOT EXISTS vector;")
			.endsWith(" Then start the application again: Ratchet retries the migration.");
	}

	@Test
	void lintErrorsAreListedWithTheWaysOut() {
		migrate();
		this.db.files().write("V2__add_expiry.sql", """
				ALTER TABLE session
				    ADD COLUMN expires_at DATETIME;
				CREATE INDEX session_expiry_idx ON session (expires_at);
				""");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription())
			.containsPattern("^Lint found 1 error in the pending migrations \\(and \\d warnings\\), so Ratchet applied "
					+ "nothing:")
			.contains("- V2__add_expiry.sql line 2 column 27 [dialect.datetime]: DATETIME")
			.contains("timestamptz");
		assertThat(analysis.getAction()).contains("Fix the SQL")
			.contains("'-- ratchet:allow dialect.datetime because <reason>' on the line before it")
			.contains("ratchet.lint.severity.dialect.datetime=warning");
	}

	@Test
	void poolerRefusalSaysToSetTheDirectUrlWithoutShowingThePassword() {
		String url = this.db.url() + ((this.db.url().contains("?")) ? "&" : "?") + "password=" + TestCredentials.PASSWORD;
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.contextRunner.withBean(DataSource.class, this::sharedSession)
			.run((context) -> failure.set(context.getStartupFailure()));
		FailureAnalysis analysis = new RatchetFailureAnalyzer(new MockEnvironment()
			.withProperty("spring.datasource.url", url)
			.withProperty("spring.datasource.password", TestCredentials.PASSWORD)).analyze(failure.get());
		assertThat(analysis.getDescription())
			.startsWith("Ratchet refused to migrate through a connection pooler in transaction mode, at host and port ")
			.contains("Reason: ")
			.contains("both of Ratchet's connections reached the same server session");
		assertThat(analysis.getAction()).startsWith("Point Ratchet at the database directly: set ratchet.url to the "
				+ "direct URL")
			.contains("ratchet.pooler-policy=warn");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(TestCredentials.PASSWORD);
	}

	@Test
	void changedMigrationIsListedWithWhatToDo() {
		migrate();
		this.db.files().write("V1__create_session.sql", "CREATE TABLE session (id bigint PRIMARY KEY, user_id bigint);");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).startsWith("Ratchet found 1 problem in schema \"public\" and applied nothing")
			.contains("- V1__create_session.sql");
		assertThat(analysis.getAction()).contains("Applied migrations must not be edited")
			.contains("--ratchet.command=repair")
			.doesNotContain("missing");
	}

	@Test
	void missingMigrationNamesTheLocations() {
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		migrate();
		this.db.files().delete("V1__create_session.sql");
		FailureAnalysis analysis = analyzeStartup(
				new MockEnvironment().withProperty("ratchet.locations", this.db.files().location()));
		assertThat(analysis.getDescription()).contains("V1__create_session.sql");
		assertThat(analysis.getAction()).contains("Restore the missing migration files")
			.contains("ratchet.locations (" + this.db.files().location() + ")");
	}

	@Test
	void misnamedFileIsNamed() {
		this.db.files().write("V2_add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at timestamptz;");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).contains("V2_add_expiry.sql");
		assertThat(analysis.getAction()).contains("V<version>__<description>.sql").contains("nothing was applied");
	}

	@Test
	void duplicateVersionNamesBothFiles() {
		this.db.files().write("V1__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		FailureAnalysis analysis = analyzeStartup(new MockEnvironment());
		assertThat(analysis.getDescription()).contains("V1__create_session.sql").contains("V1__create_chatbot.sql");
	}

	@Test
	void lockWaitTimeoutNamesTheHolder() throws Exception {
		try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'stuck-deploy'");
			statement.execute(MigrationLock.lockStatement("public", "ratchet_history"));
			FailureAnalysis analysis = analyzeStartup(
					new MockEnvironment().withProperty("ratchet.lock.wait-timeout", "1s"), "ratchet.lock.wait-timeout=1s");
			assertThat(analysis.getDescription()).contains("waited 1s (ratchet.lock.wait-timeout)")
				.contains("It is held by")
				.contains("stuck-deploy");
			assertThat(analysis.getAction()).contains("pg_terminate_backend").contains("ratchet.lock.wait-timeout");
		}
	}

	@Test
	void unreachableDatabaseIsNamedWithoutPassword() {
		String url = "jdbc:postgresql://127.0.0.1:1/orders?user=app&password=" + TestCredentials.PASSWORD;
		AtomicReference<Throwable> failure = new AtomicReference<>();
		this.contextRunner.withPropertyValues("ratchet.url=" + url, "ratchet.password=" + TestCredentials.PASSWORD)
			.run((context) -> failure.set(context.getStartupFailure()));
		FailureAnalysis analysis = new RatchetFailureAnalyzer(
				new MockEnvironment().withProperty("ratchet.url", url).withProperty("ratchet.password", TestCredentials.PASSWORD))
			.analyze(failure.get());
		assertThat(analysis.getDescription())
			.contains("host and port 127.0.0.1:1, database \"orders\" (jdbc:postgresql://127.0.0.1:1/orders?user=app)")
			.contains("Reason: ");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(TestCredentials.PASSWORD);
	}

	@Test
	void failedStartupPrintsTheAnalysisAndNoPassword(CapturedOutput output) {
		this.db.files().write("V2__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at timestmp;");
		SpringApplication application = new SpringApplication(FailingApplication.class);
		// Web server classes are on the test class path, for the HTTP tests; this application has none.
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.datasource.url=" + this.db.url(),
				"--spring.datasource.username=" + this.db.username(), "--spring.datasource.password=" + TestCredentials.PASSWORD,
				"--ratchet.locations=" + this.db.files().location()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration V2__add_expiry.sql failed at line 1")
			.contains("Fix V2__add_expiry.sql at line 1")
			.doesNotContain(TestCredentials.PASSWORD);
	}

	@Test
	void unreachableApplicationDatabaseIsNamedAtStartupWithoutPassword(CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		// Web server classes are on the test class path, for the HTTP tests; this application has none.
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/orders", "--spring.datasource.username=app",
				"--spring.datasource.password=" + TestCredentials.PASSWORD, "--ratchet.locations=" + this.db.files().location()));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Ratchet could not use the database at host and port 127.0.0.1:1, database \"orders\"")
			.contains("Connection to 127.0.0.1:1 refused")
			.doesNotContain(TestCredentials.PASSWORD);
	}

	private DataSource sharedSession() {
		// Hands out one connection, as a pooler in transaction mode may: both of Ratchet's sessions are one.
		return new SingleConnectionDataSource(this.db.url(), this.db.username(), this.db.password(), true);
	}

	private void migrate() {
		withDataSource()
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private FailureAnalysis analyzeStartup(MockEnvironment environment, String... properties) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		withDataSource()
			.withPropertyValues(properties)
			.run((context) -> failure.set(context.getStartupFailure()));
		assertThat(failure.get()).as("start-up failure").isNotNull();
		FailureAnalysis analysis = new RatchetFailureAnalyzer(environment).analyze(failure.get());
		assertThat(analysis).as("analysis of " + failure.get()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	static class FailingApplication {

	}

}
