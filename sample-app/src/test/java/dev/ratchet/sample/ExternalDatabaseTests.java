package dev.ratchet.sample;

import dev.ratchet.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.StringUtils;

/**
 * Base of the sample app's {@code @SpringBootTest}s: when the build names a server with
 * {@code RATCHET_TEST_JDBC_URL}, the app runs on a fresh database there, dropped after the test
 * class; otherwise it starts its own embedded PostgreSQL.
 */
abstract class ExternalDatabaseTests {

	private static TestDatabase.Db database;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		if (StringUtils.hasText(System.getenv("RATCHET_TEST_JDBC_URL"))) {
			database = TestDatabase.createDatabase();
			registry.add("spring.datasource.url", database::url);
			registry.add("spring.datasource.username", database::username);
			registry.add("spring.datasource.password", database::password);
		}
	}

	@AfterAll
	static void dropExternalDatabase() {
		if (database != null) {
			database.close();
			database = null;
		}
	}

}
