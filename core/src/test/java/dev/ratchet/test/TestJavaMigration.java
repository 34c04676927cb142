package dev.ratchet.test;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java migration written as a lambda, for tests: {@code TestJavaMigration.of("2", "fill t", (context) -> …)}.
 */
public final class TestJavaMigration implements JavaMigration {

	private final String version;

	private final String description;

	private final Body body;

	private TestJavaMigration(String version, String description, Body body) {
		this.version = version;
		this.description = description;
		this.body = body;
	}

	/**
	 * Returns a migration that runs the body in Ratchet's transaction.
	 * @param version its version
	 * @param description its description
	 * @param body what it does
	 * @return the migration
	 */
	public static JavaMigration of(String version, String description, Body body) {
		return new TestJavaMigration(version, description, body);
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public String description() {
		return this.description;
	}

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
