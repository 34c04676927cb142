package dev.ratchet.sample;

import dev.ratchet.test.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.StringUtils;

/**
 * A fresh database on the server named by {@code RATCHET_TEST_JDBC_URL}, when the build gives one, as
 * the sample app's DataSource; without it the app starts its own embedded PostgreSQL.
 */
final class ExternalDatabase {

	private ExternalDatabase() {
	}

	/**
	 * Creates the database and makes it the app's DataSource, when the build names a server.
	 * @param registry the test's dynamic properties
	 * @return the database, to {@link #drop}; {@code null} without a server
	 */
	static TestDatabase.Db register(DynamicPropertyRegistry registry) {
		if (!StringUtils.hasText(System.getenv("RATCHET_TEST_JDBC_URL"))) {
			return null;
		}
		TestDatabase.Db database = TestDatabase.createDatabase();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		return database;
	}

	/**
	 * Drops a database {@link #register} created.
	 * @param database the database, or {@code null}
	 */
	static void drop(TestDatabase.Db database) {
		if (database != null) {
			database.close();
		}
	}

}
