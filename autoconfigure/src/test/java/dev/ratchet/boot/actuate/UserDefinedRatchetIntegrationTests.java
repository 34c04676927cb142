package dev.ratchet.boot.actuate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetMigrationStrategy;
import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that defines its own {@link Ratchet} bean, built without any listener, still has
 * an endpoint and a health contributor that see its runs.
 */
class UserDefinedRatchetIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner
		.of(this.db, RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "ratchet.health.cache-ttl=1h");

	@Test
	void startUpRunOfTheApplicationsRatchetIsTheEndpointsLastRun() {
		this.contextRunner
			.withBean(Ratchet.class, this.db::ratchet)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JsonNode json = MigrationsEndpointIntegrationTests.json(context);
				assertThat(json.get("status").asString()).isEqualTo("UP_TO_DATE");
				assertThat(json.has("lastRun")).as(json::toString).isTrue();
				assertThat(json.get("lastRun").get("appliedCount").asInt()).isEqualTo(2);
			});
	}

	@Test
	void runOfTheApplicationsRatchetRefreshesHealthAtOnce() {
		this.contextRunner
			.withBean(Ratchet.class, this.db::ratchet)
			.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> {
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator health = context.getBean(MigrationsHealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				context.getBean(Ratchet.class).migrate();
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(MigrationsEndpointIntegrationTests.json(context).get("lastRun").get("appliedCount").asInt())
					.isEqualTo(2);
			});
	}

}
