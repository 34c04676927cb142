package dev.ratchet.boot.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

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

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db);

	private final List<ApplicationEvent> received = new CopyOnWriteArrayList<>();

	@Test
	void applicationListenerHearsTheStartupRun() {
		this.contextRunner
			.withBean(ApplicationListener.class, () -> (ApplicationListener<RatchetRunCompletedEvent>) this.received::add)
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
		this.db.files().write("V3__add_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner user_name;");
		this.contextRunner
			.withBean(ApplicationListener.class,
					() -> (ApplicationListener<RatchetMigrationFailedEvent>) this.received::add)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(this.received).singleElement().isInstanceOfSatisfying(RatchetMigrationFailedEvent.class, (event) -> {
			assertThat(event.getMigration().script()).isEqualTo("V3__add_owner.sql");
			assertThat(event.getFailure()).isInstanceOf(MigrationFailedException.class);
			assertThat(event.getFailure().getFailure().sqlState()).isEqualTo("42704");
			assertThat(event.getFailure().isTransactional()).isTrue();
			assertThat(event.getDuration().isNegative()).isFalse();
		});
	}

	@Test
	void eventListenerMethodsHearRunsAfterStartup() {
		this.contextRunner
			.withUserConfiguration(EventListenerConfiguration.class)
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
