package dev.ratchet.boot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMetricsAutoConfiguration;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link MigrationMetrics}: meter values after real runs, the start-up run
 * included.
 */
class MigrationMetricsIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.freshWithView();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			RatchetMetricsAutoConfiguration.class);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void startupRunIsCounted() {
		this.contextRunner
			.withBean(MeterRegistry.class, () -> this.registry)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(applied("SQL", "success")).isEqualTo(2);
				assertThat(applied("REPEATABLE", "success")).isEqualTo(1);
				assertThat(this.registry.get("ratchet.migration.duration").tag("type", "SQL").tag("outcome", "success")
					.timer()
					.count()).isEqualTo(2);
				assertThat(this.registry.get("ratchet.lock.wait").timer().count()).isEqualTo(1);
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isZero();
			});
	}

	@Test
	void runWithAFailureIsCountedByOutcome() {
		this.db.files().write("V3__add_owner.sql", "ALTER TABLE chatbot ADD COLUMN owner user_name;");
		this.contextRunner
			.withBean(MeterRegistry.class, () -> this.registry)
			.run((context) -> assertThat(context).getFailure().hasCauseInstanceOf(MigrationFailedException.class));
		assertThat(applied("SQL", "success")).isEqualTo(2);
		assertThat(applied("SQL", "failure")).isEqualTo(1);
		assertThat(this.registry.find("ratchet.migrations.applied").tag("type", "REPEATABLE").counter()).isNull();
		assertThat(this.registry.get("ratchet.migration.duration").tag("type", "SQL").tag("outcome", "failure")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("ratchet.lock.wait").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("ratchet.migrations.applied").meters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).extracting("key")
				.containsExactlyInAnyOrder("type", "outcome"));
	}

	@Test
	void pendingGaugeFollowsStatusReadsOfThisInstance() {
		this.contextRunner
			.withBean(MeterRegistry.class, () -> this.registry)
			.withPropertyValues("ratchet.mode=validate")
			.run((context) -> {
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isEqualTo(3);
				new Ratchet(RatchetConfiguration.builder(this.db.dataSource()).locations(this.db.files().location()).build())
					.migrate();
				context.getBean(Ratchet.class).status();
				assertThat(this.registry.get("ratchet.migrations.pending").gauge().value()).isZero();
				assertThat(this.registry.find("ratchet.migrations.applied").counter()).as("another instance's run")
					.isNull();
			});
	}

	private double applied(String type, String outcome) {
		return this.registry.get("ratchet.migrations.applied").tag("type", type).tag("outcome", outcome).counter().count();
	}

}
