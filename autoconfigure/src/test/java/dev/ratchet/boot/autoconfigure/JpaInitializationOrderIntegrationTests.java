package dev.ratchet.boot.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.boot.autoconfigure.jpa.ChatSession;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

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

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__create_session.sql", """
			CREATE TABLE session (id bigint PRIMARY KEY, user_name varchar(255));
			INSERT INTO session VALUES (1, 'ada');
			""");

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			HibernateJpaAutoConfiguration.class)
		.withUserConfiguration(EntityConfiguration.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

	@Test
	void entityManagerFactoryValidatesAndReadsMigratedTables() {
		this.contextRunner
			.withBean(FirstUser.class)
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
