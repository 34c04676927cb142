package dev.ratchet.testing.app;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ratchet.Ratchet;
import dev.ratchet.SchemaStatus;
import dev.ratchet.testing.Database;
import dev.ratchet.testing.MigrationsTest;

import static org.assertj.core.api.Assertions.assertThat;

@MigrationsTest
class MigrationsTestIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Ratchet ratchet;

	@Autowired
	private ApplicationContext context;

	@Test
	void startUpAppliesTheFilesAndTheApplicationsJavaMigrationsInOrder() {
		List<String> scripts = this.jdbc.sql("SELECT script FROM ratchet_history WHERE success ORDER BY installed_rank")
			.query(String.class)
			.list();
		assertThat(scripts).containsExactly("V1__create_shops.sql", FirstShop.class.getName(), "V2__create_orders.sql",
				OrdersConfiguration.FirstOrder.class.getName(), "R__shop_totals.sql");
		assertThat(this.jdbc.sql("SELECT total FROM shop_totals").query(Integer.class).single()).isEqualTo(42);
		assertThat(this.ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void onlyMigrationsOfTheApplicationAreLoaded() {
		assertThat(this.context.getBeanNamesForType(ShopController.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(FirstShop.class)).hasSize(1);
	}

	@Test
	void databaseIsAFreshOneOfTheTestServer() {
		Database database = this.context.getBean(Database.class);
		assertThat(this.jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(database.name())
			.startsWith("ratchet_test_");
	}

}
