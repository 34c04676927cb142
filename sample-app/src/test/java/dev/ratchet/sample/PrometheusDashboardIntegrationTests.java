package dev.ratchet.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes the sample app's {@code /actuator/prometheus} after its start-up migration and checks it
 * against the contract's meters and against every query of the Grafana dashboard shipped in
 * {@code deploy/grafana}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PrometheusDashboardIntegrationTests extends ExternalDatabaseTests {

	static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "ratchet-dashboard.json");

	static final String TENANTS_SERIES = "ratchet_tenants";

	private static final Pattern RATCHET_SERIES = Pattern.compile("\\bratchet_[a-z_]+");

	@Autowired
	private RestTestClient client;

	@Test
	void scrapeHasEveryRatchetMeterWithItsTags() {
		String scrape = scrape();
		assertThat(scrape).contains("ratchet_migrations_applied_total{outcome=\"success\",type=\"SQL\"} 7.0",
				"ratchet_migrations_applied_total{outcome=\"success\",type=\"JAVA\"} 2.0",
				"ratchet_migrations_applied_total{outcome=\"success\",type=\"REPEATABLE\"} 1.0",
				"ratchet_migration_duration_seconds_count{outcome=\"success\",type=\"SQL\"} 7",
				"ratchet_migration_duration_seconds_bucket{outcome=\"success\",type=\"SQL\",le=\"+Inf\"} 7",
				"ratchet_migrations_pending 0.0", "ratchet_lock_wait_seconds_count 1",
				"ratchet_lock_wait_seconds_bucket{le=\"+Inf\"} 1", "ratchet_data_items_total{outcome=\"processed\"} 90.0",
				"ratchet_data_items_total{outcome=\"failed\"} 10.0");
	}

	@Test
	void everyDashboardQueryNamesAMeterTheAppExposes() throws IOException {
		Set<String> series = new LinkedHashSet<>();
		Matcher exposed = Pattern.compile("(?m)^(ratchet_[a-z_]+)[{ ]").matcher(scrape());
		while (exposed.find()) {
			series.add(exposed.group(1));
		}
		Set<String> queried = dashboardSeries();
		assertThat(queried).as("series the dashboard's queries name").isNotEmpty();
		// the tenants' gauge exists only with tenants: SampleTenantsIntegrationTests checks it
		assertThat(series).as("series in /actuator/prometheus")
			.containsAll(queried.stream().filter((name) -> !name.equals(TENANTS_SERIES)).toList());
		assertThat(queried).contains(TENANTS_SERIES);
		// every meter of the contract is charted
		assertThat(queried).contains("ratchet_migrations_pending", "ratchet_migrations_applied_total",
				"ratchet_migration_duration_seconds_bucket", "ratchet_lock_wait_seconds_max", "ratchet_data_items_total");
	}

	static Set<String> dashboardSeries() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode expr : dashboard.findValues("expr")) {
			Matcher matcher = RATCHET_SERIES.matcher(expr.asString());
			while (matcher.find()) {
				names.add(matcher.group());
			}
		}
		for (JsonNode variable : dashboard.get("templating").get("list")) {
			JsonNode definition = variable.get("definition");
			if (definition != null) {
				Matcher matcher = RATCHET_SERIES.matcher(definition.asString());
				while (matcher.find()) {
					names.add(matcher.group());
				}
			}
		}
		return names;
	}

	private String scrape() {
		return this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
