package dev.ratchet.boot.observation;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.boot.autoconfigure.RatchetObservationAutoConfiguration;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/**
 * Integration tests for {@link MigrationObservations}: an observation around each run and, within
 * it, one around each migration.
 */
class MigrationObservationsIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			RatchetObservationAutoConfiguration.class);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void startupRunIsObservedWithEachMigrationInside() {
		this.contextRunner
			.withBean(ObservationRegistry.class, () -> this.registry)
			.run((context) -> org.assertj.core.api.Assertions.assertThat(context).hasNotFailed());
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(MigrationObservations.RUN, 1)
			.hasNumberOfObservationsWithNameEqualTo(MigrationObservations.MIGRATION, 2)
			.hasObservationWithNameEqualTo(MigrationObservations.RUN)
			.that()
			.hasContextualNameEqualTo("ratchet migrate")
			.hasHighCardinalityKeyValue("ratchet.applied", "2")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
		assertThat(this.registry).forAllObservationsWithNameEqualTo(MigrationObservations.MIGRATION,
				(migration) -> migration.doesNotHaveError()
					.hasParentObservation()
					.hasLowCardinalityKeyValue("ratchet.migration.type", "SQL")
					.hasHighCardinalityKeyValueWithKey("ratchet.migration.script")
					.hasHighCardinalityKeyValueWithKey("ratchet.migration.version"));
		assertThat(this.registry).hasAnObservationWithAKeyValue("ratchet.migration.script", "V2__create_chatbot.sql");
	}

	@Test
	void failedMigrationAndItsRunCarryTheError() {
		this.db.files().write("V3__add_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner user_name;");
		this.contextRunner
			.withBean(ObservationRegistry.class, () -> this.registry)
			.run((context) -> org.assertj.core.api.Assertions.assertThat(context)
				.getFailure()
				.hasCauseInstanceOf(MigrationFailedException.class));
		assertThat(this.registry).hasObservationWithNameEqualTo(MigrationObservations.RUN)
			.that()
			.hasBeenStopped()
			.hasError();
		assertThat(this.registry).hasAnObservation((observation) -> observation
			.hasNameEqualTo(MigrationObservations.MIGRATION)
			.hasHighCardinalityKeyValue("ratchet.migration.script", "V3__add_owner.sql")
			.assertThatError()
			.isInstanceOf(MigrationFailedException.class));
	}

}
