package dev.ratchet.test;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java migration written as a lambda, for tests:
 * {@code new TestJavaMigration("2", "fill t", (context) -> …)}.
 * @param version its version
 * @param description its description
 * @param body what it does, in Ratchet's transaction
 */
public record TestJavaMigration(String version, String description, Body body) implements JavaMigration {

	@Override
	public void migrate(MigrationContext context) throws Exception {
		this.body.migrate(context);
	}

	/**
	 * What a test migration does.
	 */
	@FunctionalInterface
	public interface Body {

		void migrate(MigrationContext context) throws Exception;

	}

}
