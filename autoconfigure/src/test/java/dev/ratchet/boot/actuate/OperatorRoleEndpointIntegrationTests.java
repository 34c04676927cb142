package dev.ratchet.boot.actuate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's write operation in an application secured by Spring Security (HTTP Basic, every
 * request authenticated, CSRF off for the Actuator paths): only callers in the operator role
 * ({@code ratchet.data.operator-role}) change a data migration, each request is logged with the
 * principal, who is stored as having made the change; reads stay as the application secures them.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorRoleEndpointIntegrationTests {

	private static final String PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	private Path migrations;

	private ItemsWebApp app;

	private TestDatabase.Db db;

	@BeforeEach
	void start() {
		this.app = ItemsWebApp.start(SecuredApplication.class, this.migrations, 100,
				"--management.endpoint.migrations.access=unrestricted");
		this.db = this.app.db();
	}

	@AfterEach
	void stop() {
		Backfill.gate.countDown();
		this.app.close();
	}

	@Test
	void onlyAnOperatorChangesADataMigrationAndIsRecordedAsWhoChangedIt(CapturedOutput output) throws Exception {
		assertThat(post(null, "pause").statusCode()).isEqualTo(401);
		HttpResponse<String> refused = post("bob", "pause");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.json.readTree(refused.body()).get("message").asString()).contains("RATCHET_OPERATOR");
		assertThat(output).contains("pause refused through the migrations endpoint to bob");
		assertThat(Sql.column(this.db, "SELECT count(*) FROM ratchet_history_data WHERE state = 'PAUSED'"))
			.containsExactly("0");
		assertThat(get("bob").statusCode()).as("reads stay open to any authenticated user").isEqualTo(200);

		HttpResponse<String> paused = post("alice", "pause");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(paused.body()).get("state").asString()).isEqualTo("PAUSED");
		assertThat(output).contains("pause requested through the migrations endpoint by alice")
			.doesNotContain(PASSWORD);
		assertThat(Sql.column(this.db, "SELECT changed_by FROM ratchet_history_data WHERE version = '1.1'"))
			.containsExactly("alice");
		JsonNode migration = this.json.readTree(get("bob").body()).get("dataMigrations").get(0);
		assertThat(migration.get("changedBy").asString()).isEqualTo("alice");
		assertThat(migration.get("changedOn").asString()).isNotBlank();

		HttpResponse<String> again = post("alice", "pause");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(again.body()).get("state").asString()).isEqualTo("PAUSED");
	}

	private HttpResponse<String> post(String user, String action) throws IOException, InterruptedException {
		return this.app.post("/actuator/migrations/1.1", "{\"action\": \"" + action + "\"}", authorization(user));
	}

	private HttpResponse<String> get(String user) throws IOException, InterruptedException {
		return this.app.get("/actuator/migrations", authorization(user));
	}

	private static String[] authorization(String user) {
		if (user == null) {
			return new String[0];
		}
		String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return new String[] { "Authorization", "Basic " + basic };
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebSecurity
	static class SecuredApplication {

		@Bean
		SecurityFilterChain security(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"))
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}" + PASSWORD).roles("RATCHET_OPERATOR").build(),
					User.withUsername("bob").password("{noop}" + PASSWORD).roles("VIEWER").build());
		}

		@Bean
		Backfill backfill() {
			return new Backfill();
		}

	}

	/**
	 * A background backfill whose first batch waits at the {@link #gate} until the test is over, so
	 * that it runs while operators act on it.
	 */
	static class Backfill extends SpringKeysetTestMigration {

		static final CountDownLatch gate = new CountDownLatch(1);

		Backfill() {
			super("1.1", "touch items", "item", BatchOptions.defaults().withBatchSize(10).withBackground(true));
		}

		@Override
		public void processBatch(JdbcMigrationContext context, List<Long> ids) throws Exception {
			gate.await(60, TimeUnit.SECONDS);
			super.processBatch(context, ids);
		}

		@Override
		public void process(JdbcMigrationContext context, Long id) {
			context.jdbcClient().sql("UPDATE item SET touched = touched + 1 WHERE id = :id").param("id", id).update();
		}

	}

}
