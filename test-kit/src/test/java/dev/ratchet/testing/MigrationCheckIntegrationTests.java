package dev.ratchet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.testing.app.FirstShop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(FreshDatabase.class)
class MigrationCheckIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void goodMigrationsPassAndAreApplied(DataSource dataSource) throws SQLException {
		MigrateResult result = MigrationCheck.of("classpath:db/migration").check(dataSource);
		assertThat(result.applied()).extracting((applied) -> applied.migration().script())
			.containsExactly("V1__create_shops.sql", "V2__create_orders.sql", "R__shop_totals.sql");
		assertThat(query(dataSource, "SELECT count(*) FROM ratchet_history WHERE success")).isEqualTo("3");
	}

	@Test
	void javaMigrationsRunInVersionOrderAmongTheFiles() {
		MigrateResult result = MigrationCheck.of("classpath:db/migration")
			.javaMigrations(new FirstShop())
			.checkOnFreshDatabase();
		assertThat(result.applied()).extracting((applied) -> applied.migration().version() == null ? "R"
				: applied.migration().version().toString()).containsExactly("1", "1.1", "2", "R");
	}

	@Test
	void failingMigrationFailsTheCheckNamingTheScript() throws IOException {
		Path folder = migrations(Map.of("V1__create_shops.sql", "CREATE TABLE shops (id bigint PRIMARY KEY);",
				"V2__add_plan.sql", "ALTER TABLE shop ADD COLUMN plan text;"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationCheck.of("filesystem:" + folder).checkOnFreshDatabase())
			.withMessageContaining("V2__add_plan.sql")
			.withMessageContaining("\"shop\" does not exist");
	}

	@Test
	void lintErrorFailsTheCheckBeforeAnythingIsApplied(DataSource dataSource) throws Exception {
		Path folder = migrations(Map.of("V1__create_shops.sql", "CREATE TABLE shops (id bigint PRIMARY KEY, opened DATETIME);"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationCheck.of("filesystem:" + folder).check(dataSource))
			.withMessageContaining("Lint found 1 problem")
			.withMessageContaining("V1__create_shops.sql");
		assertThat(query(dataSource, "SELECT to_regclass('shops')::text")).isNull();
	}

	@Test
	void lintWarningsFailOnlyWhenAsked() throws IOException {
		// a directive that names no rule is a warning
		Path folder = migrations(Map.of("V1__create_shops.sql", "CREATE TABLE shops (id bigint PRIMARY KEY);",
				"V2__add_note.sql", "-- ratchet:allow because it is fine\nALTER TABLE shops ADD COLUMN note text;"));
		assertThat(MigrationCheck.of("filesystem:" + folder).checkOnFreshDatabase().appliedCount()).isEqualTo(2);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationCheck.of("filesystem:" + folder).failOnLintWarnings().checkOnFreshDatabase())
			.withMessageContaining("lint.directive")
			.withMessageContaining("V2__add_note.sql");
	}

	@Test
	void verifyStepIsCheckedOnFixtureRows(DataSource dataSource) throws SQLException {
		MigrationCheck.of("classpath:db/migration").check(dataSource);
		BatchedMigration<Long> everyShopHasAnOrder = new EveryShopHasAnOrder();
		execute(dataSource, "INSERT INTO shops (domain) VALUES ('a.example')");
		execute(dataSource, "INSERT INTO orders (shop_id, total) SELECT id, 10 FROM shops");
		MigrationCheck.assertVerifies(everyShopHasAnOrder, dataSource);
		execute(dataSource, "INSERT INTO shops (domain) VALUES ('b.example')");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationCheck.assertVerifies(everyShopHasAnOrder, dataSource))
			.withMessageContaining("verify of data migration 3 (every shop has an order) failed: 1 shop(s) without an order");
	}

	private Path migrations(Map<String, String> files) throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("migrations"));
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		return folder;
	}

	private static String query(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static final class EveryShopHasAnOrder implements BatchedMigration<Long> {

		@Override
		public String version() {
			return "3";
		}

		@Override
		public String description() {
			return "every shop has an order";
		}

		@Override
		public List<Long> nextBatch(MigrationContext context, String after, int limit) {
			return List.of();
		}

		@Override
		public String keyOf(Long item) {
			return item.toString();
		}

		@Override
		public void verify(MigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement();
					ResultSet result = statement.executeQuery(
							"SELECT count(*) FROM shops s WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = s.id)")) {
				result.next();
				if (result.getInt(1) > 0) {
					throw new IllegalStateException(result.getInt(1) + " shop(s) without an order");
				}
			}
		}

	}

}
