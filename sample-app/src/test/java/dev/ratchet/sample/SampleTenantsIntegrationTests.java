package dev.ratchet.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app with shops as tenants: start-up migrates every demo shop's schema after the main
 * one, the endpoint counts them, and a new shop is onboarded by a request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("tenants")
class SampleTenantsIntegrationTests extends ExternalDatabaseTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void startUpMigratesEveryShopSchema() {
		List<String> schemas = this.jdbc
			.sql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'orders' ORDER BY 1")
			.query(String.class)
			.list();
		assertThat(schemas).hasSize(20).contains("shop_demo_1", "shop_demo_20");
		assertThat(this.jdbc.sql("SELECT count(*) FROM shop_demo_7.ratchet_history WHERE success")
			.query(Integer.class)
			.single()).isEqualTo(2);
		RestChecks.getOk(this.client, "/actuator/migrations")
			.jsonPath("$.tenants.total").isEqualTo(20)
			.jsonPath("$.tenants.upToDate").isEqualTo(20)
			.jsonPath("$.tenants.problems").isEmpty();
		RestChecks.getOk(this.client, "/actuator/migrations?tenant=shop_demo_3")
			.jsonPath("$.schema").isEqualTo("shop_demo_3")
			.jsonPath("$.currentVersion").isEqualTo("2");
	}

	@Test
	void theDashboardsTenantPanelNamesTheGaugeTheAppExposes() throws Exception {
		String scrape = new String(RestChecks.getOk(this.client, "/actuator/prometheus").returnResult().getResponseBody(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(scrape).containsPattern("(?m)^ratchet_tenants\\{status=\"up-to-date\"} 2[01]\\.0$")
			.contains("ratchet_tenants{status=\"failed\"} 0.0");
		assertThat(PrometheusDashboardIntegrationTests.dashboardSeries())
			.contains(PrometheusDashboardIntegrationTests.TENANTS_SERIES);
	}

	@Test
	void aNewShopIsOnboardedByARequest() {
		this.client.post()
			.uri("/shops/fresh-paint.myshopify.com/tenant")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tenant").isEqualTo("shop_fresh_paint")
			.jsonPath("$.status").isEqualTo("UP_TO_DATE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM shop_fresh_paint.orders").query(Integer.class).single()).isZero();
	}

}
