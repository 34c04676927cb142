package dev.ratchet.boot.event;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link ApplicationEventMigrationListener}: runs and failures as Spring
 * application events, for applications' own hooks.
 */
class ApplicationEventMigrationListenerIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class));

	private final List<ApplicationEvent> received = new CopyOnWriteArrayList<>();

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations)
			.write("V1__create_session_table.sql", "CREATE TABLE session (id bigint PRIMARY KEY);")
			.write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void applicationListenerHearsTheStartupRun() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(ApplicationListener.class, () -> (ApplicationListener<RatchetRunCompletedEvent>) this.received::add)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.received).singleElement()
					.isInstanceOfSatisfying(RatchetRunCompletedEvent.class, (event) -> {
						assertThat(event.getResult().appliedCount()).isEqualTo(2);
						assertThat(event.getResult().currentVersion()).hasToString("2");
						assertThat(event.getSource()).isSameAs(event.getResult());
					});
			});
	}

	@Test
	void applicationListenerHearsAMigrationFailingAtStartup() {
		this.files.write("V3__add_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner user_name;");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(ApplicationListener.class,
					() -> (ApplicationListener<RatchetMigrationFailedEvent>) this.received::add)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> assertThat(context).hasFailed());
		assertThat(this.received).singleElement().isInstanceOfSatisfying(RatchetMigrationFailedEvent.class, (event) -> {
			assertThat(event.getMigration().script()).isEqualTo("V3__add_owner.sql");
			assertThat(event.getFailure()).isInstanceOf(MigrationFailedException.class);
			assertThat(event.getFailure().getSqlState()).isEqualTo("42704");
			assertThat(event.getFailure().isTransactional()).isTrue();
			assertThat(event.getDuration().isNegative()).isFalse();
		});
	}

	@Test
	void eventListenerMethodsHearRunsAfterStartup() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withUserConfiguration(EventListenerConfiguration.class)
			.withPropertyValues("ratchet.locations=" + this.files.location())
			.run((context) -> {
				EventListenerConfiguration hooks = context.getBean(EventListenerConfiguration.class);
				assertThat(hooks.completed).as("the start-up run ends before @EventListener methods are registered")
					.isEmpty();
				context.getBean(Ratchet.class).migrate();
				assertThat(hooks.completed).singleElement()
					.satisfies((event) -> assertThat(event.getResult().appliedCount()).isZero());
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class EventListenerConfiguration {

		final List<RatchetRunCompletedEvent> completed = new CopyOnWriteArrayList<>();

		@EventListener
		void onRunCompleted(RatchetRunCompletedEvent event) {
			this.completed.add(event);
		}

	}

}
