package dev.ratchet.boot.data;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A {@link JavaMigration} written with Spring's {@code JdbcClient} or {@code JdbcTemplate}: it runs
 * in one transaction together with its history row. Declare it as a bean; constructor injection of
 * the application's own beans works, except beans that use the database (repositories, the
 * application's {@code JdbcClient}): those are created after migrations ran, so use the context's.
 *
 * <pre class="code">
 * &#64;Component
 * class DemoChatbots implements SpringJavaMigration {
 *
 * 	public String version() { return "6.1"; }
 *
 * 	public String description() { return "demo chatbots"; }
 *
 * 	public void migrate(JdbcMigrationContext context) {
 * 		context.jdbcClient().sql("INSERT INTO chatbots (shop, name) VALUES (:shop, :name)")
 * 			.param("shop", "demo.myshopify.com").param("name", "Support").update();
 * 	}
 *
 * }
 * </pre>
 */
public interface SpringJavaMigration extends JavaMigration {

	/**
	 * Applies the migration. Do not commit or roll back: Ratchet commits the migration together with
	 * its history row, or rolls both back if this method throws.
	 * @param context Spring JDBC access to the migration connection
	 * @throws Exception any failure; the migration is then rolled back and reported as failed
	 */
	void migrate(JdbcMigrationContext context) throws Exception;

	@Override
	default void migrate(MigrationContext context) throws Exception {
		migrate(JdbcMigrationContext.of(context));
	}

	/**
	 * Undoes the migration, when {@link #canUndo()} is overridden to return {@code true}. Do not
	 * commit or roll back: Ratchet commits the undo together with its history row, or rolls both back
	 * if this method throws, and the migration then stays applied.
	 * @param context Spring JDBC access to the migration connection
	 * @throws Exception any failure; the undo is then rolled back and reported as failed
	 */
	default void undo(JdbcMigrationContext context) throws Exception {
		throw new UnsupportedOperationException("Java migration " + getClass().getName() + " has no undo");
	}

	@Override
	default void undo(MigrationContext context) throws Exception {
		undo(JdbcMigrationContext.of(context));
	}

}
