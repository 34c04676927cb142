package dev.ratchet.boot.test;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The set-up the start-up integration tests share: a fresh database whose one migration creates
 * the {@code session} table, and a context runner on its migrations folder that leaves the
 * {@link DataSource} to the test.
 */
public abstract class SessionTableStartupTests {

	@RegisterExtension
	protected final FreshDatabase db;

	protected final ApplicationContextRunner contextRunner;

	protected SessionTableStartupTests() {
		this("id bigint PRIMARY KEY");
	}

	/**
	 * Creates the set-up with the given columns for the {@code session} table.
	 * @param sessionColumns the column definitions, as written inside {@code CREATE TABLE session (...)}
	 */
	protected SessionTableStartupTests(String sessionColumns) {
		this.db = new FreshDatabase().withMigration("V1__create_session.sql",
				"CREATE TABLE session (" + sessionColumns + ");");
		this.contextRunner = RatchetContextRunner.withoutDataSource(this.db);
	}

	/**
	 * Returns the context runner with the test's database as the application's {@link DataSource}.
	 * @return the runner
	 */
	protected ApplicationContextRunner withDataSource() {
		return this.contextRunner.withBean(DataSource.class, this.db::dataSource);
	}

}
