package dev.ratchet.boot.actuate;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/migrations/{version}}: a ledger of failed items larger than a page, paged and
 * searched by key in PostgreSQL.
 */
class FailedItemsPagingIntegrationTests {

	private static final int ROWS = 130;

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	private Path migrations;

	private ItemsWebApp app;

	@BeforeEach
	void start() {
		this.app = ItemsWebApp.start(WebApplication.class, this.migrations, ROWS);
	}

	@AfterEach
	void stop() {
		this.app.close();
	}

	@Test
	void pagesThroughTheWholeLedgerOnceInOrder() throws Exception {
		long failures = Sql.number(this.app.db(), "SELECT count(*) FROM ratchet_history_data_failures");
		assertThat(failures).isEqualTo(ROWS / 2);
		List<String> keys = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			JsonNode body = this.json.readTree(get("/actuator/migrations/1.1?size=25&page=" + page).body());
			assertThat(body.get("version").asString()).isEqualTo("1.1");
			assertThat(body.get("failed").asLong()).isEqualTo(failures);
			assertThat(body.get("failedItemsPage").get("total").asLong()).isEqualTo(failures);
			assertThat(body.get("failedItemsPage").get("pages").asLong()).isEqualTo(3);
			assertThat(body.get("failedItemsPage").get("page").asInt()).isEqualTo(page);
			assertThat(body.get("failedItemsPage").has("key")).isFalse();
			body.get("failedItems").forEach((item) -> keys.add(item.get("key").asString()));
		}
		assertThat(keys).hasSize((int) failures)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(Sql.column(this.app.db(), "SELECT item_key FROM ratchet_history_data_failures"));
		JsonNode beyond = this.json.readTree(get("/actuator/migrations/1.1?size=25&page=3").body());
		assertThat(beyond.get("failedItems")).isEmpty();
	}

	@Test
	void searchesTheLedgerByKeyPrefix() throws Exception {
		List<String> expected = Sql.column(this.app.db(),
				"SELECT item_key FROM ratchet_history_data_failures WHERE item_key LIKE '1%' ORDER BY item_key");
		assertThat(expected).hasSizeGreaterThan(10);
		JsonNode body = this.json.readTree(get("/actuator/migrations/1.1?size=10&key=1").body());
		assertThat(body.get("failedItemsPage").get("key").asString()).isEqualTo("1");
		assertThat(body.get("failedItemsPage").get("total").asLong()).isEqualTo(expected.size());
		assertThat(body.get("failedItems")).hasSize(10)
			.allSatisfy((item) -> assertThat(item.get("key").asString()).startsWith("1"));
		JsonNode exact = this.json.readTree(get("/actuator/migrations/1.1?key=42").body());
		assertThat(exact.get("failedItems")).singleElement()
			.satisfies((item) -> assertThat(item.get("error").asString()).contains("even item 42"));
		JsonNode wildcard = this.json.readTree(get("/actuator/migrations/1.1?key=%25").body());
		assertThat(wildcard.get("failedItemsPage").get("total").asLong()).as("a % is no wildcard").isZero();
	}

	@Test
	void refusesPagesOutOfRangeAndUnknownVersions() throws Exception {
		assertThat(get("/actuator/migrations/1.1?size=101").statusCode()).isEqualTo(400);
		assertThat(get("/actuator/migrations/1.1?page=-1").statusCode()).isEqualTo(400);
		assertThat(get("/actuator/migrations/9").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.app.get(path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		EvenItemsFail evenItemsFail() {
			return new EvenItemsFail();
		}

	}

	/**
	 * Touches every odd item; every even one fails and goes to the ledger.
	 */
	static class EvenItemsFail extends SpringKeysetTestMigration {

		EvenItemsFail() {
			super("1.1", "touch odd items", "item",
					BatchOptions.defaults().withBatchSize(20).withFailurePolicy(FailurePolicy.skipUpTo(1000)));
		}

		@Override
		public void process(JdbcMigrationContext context, Long id) {
			if (id % 2 == 0) {
				throw new IllegalStateException("even item " + id);
			}
			context.jdbcClient().sql("UPDATE item SET touched = touched + 1 WHERE id = :id").param("id", id).update();
		}

	}

}
