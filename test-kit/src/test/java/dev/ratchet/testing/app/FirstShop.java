package dev.ratchet.testing.app;

import java.sql.Statement;

import org.springframework.stereotype.Component;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java migration found by component scanning (and given by hand to {@code MigrationCheck} in its
 * tests).
 */
@Component
public class FirstShop implements JavaMigration {

	@Override
	public String version() {
		return "1.1";
	}

	@Override
	public String description() {
		return "first shop";
	}

	@Override
	public void migrate(MigrationContext context) throws Exception {
		try (Statement statement = context.connection().createStatement()) {
			statement.execute("INSERT INTO shops (domain) VALUES ('first.example')");
		}
	}

}
