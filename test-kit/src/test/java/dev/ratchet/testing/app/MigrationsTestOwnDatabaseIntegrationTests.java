package dev.ratchet.testing.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ratchet.testing.Database;
import dev.ratchet.testing.MigrationsTest;
import dev.ratchet.testing.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MigrationsTest} that names its own database with {@code spring.datasource.url}: the slice
 * migrates that one and creates none.
 */
@MigrationsTest
class MigrationsTestOwnDatabaseIntegrationTests {

	private static final Database own = PostgresServer.shared().createDatabase();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", own::url);
		registry.add("spring.datasource.username", own::username);
		registry.add("spring.datasource.password", own::password);
	}

	@AfterAll
	static void dropDatabase() {
		own.close();
	}

	@Test
	void migratesTheDatabaseTheTestNames() {
		assertThat(this.context.getBeanNamesForType(Database.class)).isEmpty();
		assertThat(this.jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(own.name());
		assertThat(this.jdbc.sql("SELECT count(*) FROM ratchet_history WHERE success").query(Integer.class).single())
			.isEqualTo(5);
	}

}
