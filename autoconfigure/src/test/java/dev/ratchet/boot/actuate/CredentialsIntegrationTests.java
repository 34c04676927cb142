package dev.ratchet.boot.actuate;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.RatchetException;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The password of a dedicated {@code ratchet.url} connection never shows: not in the endpoint, not
 * in health, not in logs, not in the exceptions of a connection that stopped working.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db,
			RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class,
			JacksonEndpointAutoConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "ratchet.health.cache-ttl=0");

	private final String role = "ratchet_ops_" + UUID.randomUUID().toString().substring(0, 8);

	private final String password = "S3cret-" + UUID.randomUUID();

	@BeforeEach
	void createDatabaseAndRole() {
		this.db.files().write("V1__create_session_table.sql",
				"CREATE TABLE session (id bigint PRIMARY KEY);");
		Sql.execute(this.db, "CREATE ROLE " + this.role + " LOGIN PASSWORD '" + this.password + "'");
		Sql.execute(this.db, "GRANT CREATE ON DATABASE " + this.db.name() + " TO " + this.role);
		Sql.execute(this.db, "GRANT CREATE, USAGE ON SCHEMA public TO " + this.role);
	}

	@AfterEach
	void dropDatabaseAndRole() {
		Sql.execute(this.db, "DROP OWNED BY " + this.role);
		Sql.execute(this.db, "DROP ROLE " + this.role);
	}

	@Test
	void passwordOfRatchetUrlNeverShows(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("ratchet.url=" + urlWithoutUser(),
					"ratchet.username=" + this.role, "ratchet.password=" + this.password)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsEndpointDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
				String json = context.getBean(EndpointJsonMapper.class).get().writeValueAsString(descriptor);
				assertThat(json).contains("\"installedBy\":\"" + this.role + "\"").doesNotContain(this.password);
				Health up = context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
				assertThat(up.getStatus()).isEqualTo(Status.UP);
				assertThat(up.toString()).doesNotContain(this.password);

				Sql.execute(this.db, "ALTER ROLE " + this.role + " NOLOGIN");
				Health down = context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails().get("error").toString()).contains("not permitted to log in")
					.doesNotContain(this.password);
				RatchetException failure = catchThrowableOfType(RatchetException.class,
						() -> context.getBean(MigrationsEndpoint.class).migrations());
				assertThat(failure).hasMessageContaining(this.role).hasMessageNotContaining(this.password);
			});
		assertThat(output.getAll()).contains("Applied 1 migration").doesNotContain(this.password);
	}

	private String urlWithoutUser() {
		// The embedded server's URL names its admin user, who would win over ratchet.username.
		return this.db.url().replaceFirst("\\?.*", "");
	}

}
