package dev.ratchet.boot.tenant;

import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.ratchet.boot.actuate.MigrationsEndpoint;
import dev.ratchet.boot.actuate.MigrationsEndpointDescriptor;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetTenantsAutoConfiguration;
import dev.ratchet.boot.report.TenantsDescriptor;
import dev.ratchet.boot.test.ShopTenantsTests;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantSource;
import dev.ratchet.tenant.TenantStatus;
import dev.ratchet.tenant.TenantsFailedException;
import dev.ratchet.test.Sql;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants in a Boot application: start-up migrates the main schema, then every tenant; the endpoint
 * and the health show them.
 */
class TenantsAutoConfigurationIntegrationTests extends ShopTenantsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class, RatchetTenantsAutoConfiguration.class,
				RatchetEndpointAutoConfiguration.class, RatchetHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations", "ratchet.health.cache-ttl=0");

	@Test
	void startupMigratesTheMainSchemaThenTheTenantsOfTheQueryAndFailsNamingTheFailedOne() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location(),
					"ratchet.tenants.query=SELECT schema_name FROM shops ORDER BY 1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(TenantsFailedException.class)
					.hasMessageContaining("globex: V2__check.sql line 2: ")
					.hasMessageContaining("division by zero");
				assertThat(Sql.number(this.db, "SELECT count(*) FROM acme.ratchet_history WHERE success")).isEqualTo(2);
				assertThat(Sql.number(this.db, "SELECT count(*) FROM initech.ratchet_history WHERE success")).isEqualTo(2);
			});
	}

	@Test
	void onFailureContinueStartsWithHealthDownAndTheEndpointShowingTheTenants() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location(),
					"ratchet.tenants.schemas=acme,globex,initech", "ratchet.tenants.on-failure=continue")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Health health = context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsKey("tenants");
				assertThat(health.getDetails().get("tenants").toString()).contains("failed=1").contains("globex");
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				TenantsDescriptor tenants = endpoint.migrations().tenants();
				assertThat(tenants.total()).isEqualTo(3);
				assertThat(tenants.upToDate()).isEqualTo(2);
				assertThat(tenants.failed()).isEqualTo(1);
				assertThat(tenants.problems()).singleElement().satisfies((problem) -> {
					assertThat(problem.tenant()).isEqualTo("globex");
					assertThat(problem.status()).isEqualTo(TenantStatus.FAILED);
					assertThat(problem.script()).isEqualTo("V2__check.sql");
					assertThat(problem.error()).contains("line 2").contains("division by zero");
				});
				MigrationsEndpointDescriptor acme = endpoint.migrations("acme");
				assertThat(acme.schema().schema()).isEqualTo("acme");
				assertThat(acme.schema().currentVersion()).isEqualTo("2");
				assertThat(acme.tenants()).isNull();
			});
	}

	@Test
	void validateModeKeepsHealthOutOfServiceWhileATenantIsPendingAndUpOnceAllAreMigrated() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location(), "ratchet.tenants.schemas=acme,initech")
			.run((context) -> assertThat(context).hasNotFailed());
		this.tenant.write("V3__more.sql", "CREATE TABLE more (id int);");
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location(), "ratchet.tenants.schemas=acme,initech",
					"ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator indicator = context.getBean("migrationsHealthIndicator", HealthIndicator.class);
				Health health = indicator.health();
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails().get("status").toString()).isEqualTo("UP_TO_DATE");
				assertThat(health.getDetails().get("tenants").toString()).contains("pending=2");
				context.getBean(RatchetTenants.class).migrate().orThrow();
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void aTenantSourceBeanNamesTheTenants() {
		this.contextRunner.withBean(DataSource.class, this.db::dataSource)
			.withBean(TenantSource.class, () -> () -> List.of("acme", "initech"))
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RatchetTenants.class).tenants()).containsExactly("acme", "initech");
				assertThat(Sql.exists(this.db, "initech.checked")).isTrue();
				assertThat(Sql.exists(this.db, "globex.orders")).isFalse();
			});
	}

	@Test
	void theEndpointCostsAsManyQueriesForFortyTenantsAsForFour() {
		int four = endpointQueries(4);
		int forty = endpointQueries(40);
		assertThat(forty).isEqualTo(four);
		assertThat(four).isLessThanOrEqualTo(6);
	}

	private int endpointQueries(int tenants) {
		CountingDataSource counting = new CountingDataSource(this.db.dataSource());
		int[] queries = new int[1];
		this.contextRunner.withBean(DataSource.class, () -> counting)
			.withPropertyValues("ratchet.locations=" + this.main.location(),
					"ratchet.tenants.locations=" + this.tenant.location(), "ratchet.tenants.schemas="
							+ String.join(",", IntStream.rangeClosed(1, tenants).mapToObj((i) -> "q" + tenants + "_" + i).toList()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				endpoint.migrations();
				int before = counting.executed();
				endpoint.migrations();
				queries[0] = counting.executed() - before;
			});
		return queries[0];
	}

}
