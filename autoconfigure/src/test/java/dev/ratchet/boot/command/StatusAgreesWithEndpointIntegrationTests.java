package dev.ratchet.boot.command;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.actuate.MigrationsEndpoint;
import dev.ratchet.boot.actuate.MigrationsHealthIndicator;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.command.RatchetCommandIntegrationTests.CommandApplication;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationLock;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code status} command's JSON promises the endpoint's shape: the same fields for the same
 * migration, the migration lock, and pending work shown as running while another session holds
 * the lock, as the endpoint and health show it.
 */
class StatusAgreesWithEndpointIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase()
		.withMigration("V1__create_session.sql", "CREATE TABLE session (id bigint PRIMARY KEY);")
		.withMigration("R__session_view.sql", "CREATE OR REPLACE VIEW active_session AS SELECT * FROM session;");

	private final ApplicationContextRunner contextRunner = RatchetContextRunner
		.of(this.db, RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "ratchet.mode=validate",
				"ratchet.health.cache-ttl=0");

	@Test
	void repeatableMigrationHasTheSameFieldsInCommandAndEndpoint() {
		this.db.ratchet().migrate();
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		JsonNode command = json.readTree(status("--ratchet.output=json").out());
		this.contextRunner
			.run((context) -> {
				JsonNode endpoint = endpoint(context);
				assertThat(command.get("migrations")).hasSize(3);
				for (int i = 0; i < 3; i++) {
					assertThat(fields(command.get("migrations").get(i)))
						.as("migration %d: %s", i, command.get("migrations").get(i))
						.isEqualTo(fields(endpoint.get("migrations").get(i)));
				}
				JsonNode repeatable = command.get("migrations").get(2);
				assertThat(repeatable.get("type").asString()).isEqualTo("REPEATABLE");
				assertThat(repeatable.has("version")).isFalse();
				assertThat(fields(command.get("lock"))).isEqualTo(fields(endpoint.get("lock")));
			});
	}

	@Test
	void statusShowsPendingWorkAsRunningWhileAnotherSessionHoldsTheLock() throws Exception {
		try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'deploy-job-42'");
			statement.execute("SELECT pg_advisory_lock(" + MigrationLock.key("public", "ratchet_history") + ")");
			CommandRun text = status();
			assertThat(text.exitCode()).isEqualTo(1);
			assertThat(text.out()).contains("status RUNNING")
				.contains("The migration lock is held by pid ")
				.contains("application \"deploy-job-42\"")
				.contains("a migration run is in progress");
			CommandRun run = status("--ratchet.output=json");
			assertThat(run.exitCode()).isEqualTo(1);
			JsonNode report = json.readTree(run.out());
			assertThat(report.get("status").asString()).isEqualTo("RUNNING");
			assertThat(report.get("pendingCount").asInt()).isEqualTo(2);
			assertThat(report.get("lock").get("held").asBoolean()).isTrue();
			assertThat(report.get("lock").get("holder").get("applicationName").asString()).isEqualTo("deploy-job-42");
			this.contextRunner
				.run((context) -> {
					assertThat(endpoint(context).get("status").asString()).isEqualTo("RUNNING");
					Health health = context.getBean(MigrationsHealthIndicator.class).health();
					assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					assertThat(health.getDetails().get("status")).hasToString("RUNNING");
				});
		}
		CommandRun free = status("--ratchet.output=json");
		assertThat(json.readTree(free.out()).get("status").asString()).isEqualTo("PENDING");
		assertThat(json.readTree(free.out()).get("lock").get("held").asBoolean()).isFalse();
	}

	private CommandRun status(String... args) {
		return CommandRun.command(CommandApplication.class, this.db, "status", args);
	}

	private static JsonNode endpoint(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		var mapper = context.getBean(EndpointJsonMapper.class).get();
		return mapper.readTree(mapper.writeValueAsString(context.getBean(MigrationsEndpoint.class).migrations()));
	}

	private static List<String> fields(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
