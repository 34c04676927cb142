package dev.ratchet.boot.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
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

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				JdbcClientAutoConfiguration.class));

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations).write("V1__create_session.sql",
				"CREATE TABLE session (id bigint PRIMARY KEY); INSERT INTO session VALUES (1), (2), (3);");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void jdbcTemplateUserSeesMigratedTablesDuringStartup() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(TemplateSessionCount.class)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> assertThat(context.getBean(TemplateSessionCount.class).count).isEqualTo(3));
	}

	@Test
	void jdbcClientUserSeesMigratedTablesDuringStartup() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(ClientSessionCount.class)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> assertThat(context.getBean(ClientSessionCount.class).count).isEqualTo(3));
	}

	@Test
	void beanMarkedDependsOnDatabaseInitializationSeesMigratedTablesDuringStartup() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(DataSourceSessionCount.class)
			.withPropertyValues("ratchet.locations=" + this.files.location())
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
