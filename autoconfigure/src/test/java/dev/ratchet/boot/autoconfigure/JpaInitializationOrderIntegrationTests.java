package dev.ratchet.boot.autoconfigure;

import java.nio.file.Path;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.boot.autoconfigure.jpa.ChatSession;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests proving that JPA starts after migrations: Hibernate validates its mapping
 * against a table that only a migration creates, and an entity is read during start-up.
 */
class JpaInitializationOrderIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class, HibernateJpaAutoConfiguration.class))
		.withUserConfiguration(EntityConfiguration.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations).write("V1__create_session.sql", """
				CREATE TABLE session (id bigint PRIMARY KEY, user_name varchar(255));
				INSERT INTO session VALUES (1, 'ada');
				""");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void entityManagerFactoryValidatesAndReadsMigratedTables() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(FirstUser.class)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FirstUser.class).name).isEqualTo("ada");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = ChatSession.class)
	static class EntityConfiguration {

	}

	static class FirstUser {

		final String name;

		FirstUser(EntityManagerFactory entityManagerFactory) {
			try (var entityManager = entityManagerFactory.createEntityManager()) {
				this.name = entityManager.find(ChatSession.class, 1L).getUserName();
			}
		}

	}

}
