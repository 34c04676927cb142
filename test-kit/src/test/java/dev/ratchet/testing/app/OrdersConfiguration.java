package dev.ratchet.testing.app;

import java.sql.Statement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java migration declared as a bean.
 */
@Configuration(proxyBeanMethods = false)
class OrdersConfiguration {

	@Bean
	FirstOrder firstOrder() {
		return new FirstOrder();
	}

	static class FirstOrder implements JavaMigration {

		@Override
		public String version() {
			return "2.1";
		}

		@Override
		public String description() {
			return "first order";
		}

		@Override
		public void migrate(MigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO orders (shop_id, total) SELECT id, 42 FROM shops");
			}
		}

	}

}
