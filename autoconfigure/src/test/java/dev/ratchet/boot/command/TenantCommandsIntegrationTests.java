package dev.ratchet.boot.command;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetTenantsAutoConfiguration;
import dev.ratchet.boot.test.ShopTenantsTests;
import dev.ratchet.test.Sql;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands over tenants: every tenant after the main schema, or one with
 * {@code --ratchet.tenant}; the exit code is the worst over them.
 */
class TenantCommandsIntegrationTests extends ShopTenantsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void statusBeforeMigrateListsEveryTenantPendingWithExitCodeOne() throws Exception {
		migrateMainSchema();
		CommandRun run = run("status", "--ratchet.output=json");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonNode tenants = json.readTree(run.out()).get("tenants");
		assertThat(tenants.get("total").asInt()).isEqualTo(3);
		assertThat(tenants.get("pending").asInt()).isEqualTo(3);
		assertThat(tenants.get("problems")).hasSize(3);
	}

	@Test
	void migrateRunsEveryTenantAndExitsWithTheWorstCode() throws Exception {
		CommandRun run = run("migrate", "--ratchet.output=json");
		assertThat(run.exitCode()).isEqualTo(2);
		JsonNode report = json.readTree(run.out());
		assertThat(report.get("schema").asString()).isEqualTo("public");
		JsonNode tenants = report.get("tenants");
		assertThat(tenants.get("upToDate").asInt()).isEqualTo(2);
		assertThat(tenants.get("failed").asInt()).isEqualTo(1);
		JsonNode problem = tenants.get("problems").get(0);
		assertThat(problem.get("tenant").asString()).isEqualTo("globex");
		assertThat(problem.get("status").asString()).isEqualTo("FAILED");
		assertThat(problem.get("script").asString()).isEqualTo("V2__check.sql");
		assertThat(problem.get("error").asString()).contains("line 2").contains("division by zero");
		assertThat(Sql.exists(this.db, "initech.checked")).isTrue();
	}

	@Test
	void oneTenantAloneWithRatchetTenant() {
		migrateMainSchema();
		CommandRun run = run("migrate", "--ratchet.tenant=initech");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("schema \"initech\"");
		assertThat(Sql.exists(this.db, "initech.checked")).isTrue();
		assertThat(Sql.exists(this.db, "acme.orders")).isFalse();
	}

	@Test
	void textReportHasALinePerTenant() {
		CommandRun run = run("migrate");
		assertThat(run.out()).contains("Tenants: 3, 2 up to date, 0 pending, 1 failed, 0 running")
			.containsPattern("acme\\s+UP_TO_DATE\\s+2")
			.containsPattern("globex\\s+FAILED\\s+none\\s+V2__check.sql: line 2: .*division by zero");
	}

	private void migrateMainSchema() {
		new Ratchet(RatchetConfiguration.builder(this.db.dataSource()).locations(this.main.location()).build()).migrate();
	}

	private CommandRun run(String command, String... args) {
		List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + this.db.url(),
				"--spring.datasource.username=" + this.db.username(), "--ratchet.locations=" + this.main.location(),
				"--ratchet.tenants.locations=" + this.tenant.location(),
				"--ratchet.tenants.schemas=acme,globex,initech", "--ratchet.command=" + command));
		all.addAll(List.of(args));
		return CommandRun.of(TenantApplication.class, all.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class,
			RatchetTenantsAutoConfiguration.class })
	static class TenantApplication {

	}

}
