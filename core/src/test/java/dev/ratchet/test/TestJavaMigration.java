package dev.ratchet.test;

import java.sql.Statement;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java migration written as a lambda, for tests:
 * {@code new TestJavaMigration("2", "fill t", (context) -> …)}, or
 * {@code new TestJavaMigration("2", "fill t", Body.sql("INSERT …")).withUndo(Body.sql("DELETE …"))}.
 * @param version its version
 * @param description its description
 * @param body what it does, in Ratchet's transaction
 * @param undo what its undo does, or {@code null} when it has none
 */
public record TestJavaMigration(String version, String description, Body body, Body undo) implements JavaMigration {

	public TestJavaMigration(String version, String description, Body body) {
		this(version, description, body, null);
	}

	/**
	 * Returns this migration with an undo.
	 * @param undo what the undo does, in Ratchet's transaction
	 * @return the migration
	 */
	public TestJavaMigration withUndo(Body undo) {
		return new TestJavaMigration(this.version, this.description, this.body, undo);
	}

	@Override
	public void migrate(MigrationContext context) throws Exception {
		this.body.migrate(context);
	}

	@Override
	public boolean canUndo() {
		return this.undo != null;
	}

	@Override
	public void undo(MigrationContext context) throws Exception {
		this.undo.migrate(context);
	}

	/**
	 * What a test migration (or its undo) does.
	 */
	@FunctionalInterface
	public interface Body {

		void migrate(MigrationContext context) throws Exception;

		/**
		 * Returns a body that executes SQL on the migration's connection.
		 * @param sql the statement (or statements)
		 * @return the body
		 */
		static Body sql(String sql) {
			return (context) -> {
				try (Statement statement = context.connection().createStatement()) {
					statement.execute(sql);
				}
			};
		}

	}

}
