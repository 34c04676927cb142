package dev.ratchet.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests proving that beans which use the database during start-up are created after
 * migrations. The user's beans are registered before any auto-configured one, so without the
 * {@link RatchetMigrationInitializerDatabaseInitializerDetector} they would be created first.
 */
class DatabaseInitializationOrderIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__create_session.sql",
			"CREATE TABLE session (id bigint PRIMARY KEY); INSERT INTO session VALUES (1), (2), (3);");

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class);

	@Test
	void jdbcTemplateUserSeesMigratedTablesDuringStartup() {
		this.contextRunner
			.withBean(TemplateSessionCount.class)
			.run((context) -> assertThat(context.getBean(TemplateSessionCount.class).count).isEqualTo(3));
	}

	@Test
	void jdbcClientUserSeesMigratedTablesDuringStartup() {
		this.contextRunner
			.withBean(ClientSessionCount.class)
			.run((context) -> assertThat(context.getBean(ClientSessionCount.class).count).isEqualTo(3));
	}

	@Test
	void beanMarkedDependsOnDatabaseInitializationSeesMigratedTablesDuringStartup() {
		this.contextRunner
			.withBean(DataSourceSessionCount.class)
			.run((context) -> assertThat(context.getBean(DataSourceSessionCount.class).count).isEqualTo(3));
	}

	static class TemplateSessionCount {

		final long count;

		TemplateSessionCount(JdbcTemplate jdbcTemplate) {
			this.count = jdbcTemplate.queryForObject("SELECT count(*) FROM session", Long.class);
		}

	}

	static class ClientSessionCount {

		final long count;

		ClientSessionCount(JdbcClient jdbcClient) {
			this.count = jdbcClient.sql("SELECT count(*) FROM session").query(Long.class).single();
		}

	}

	@DependsOnDatabaseInitialization
	static class DataSourceSessionCount {

		final long count;

		DataSourceSessionCount(DataSource dataSource) throws Exception {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT count(*) FROM session")) {
				rs.next();
				this.count = rs.getLong(1);
			}
		}

	}

}
