package dev.ratchet.boot.data;

import java.sql.Connection;

import dev.ratchet.MigrationContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a {@link SpringJavaMigration} or {@link SpringBatchedMigration} works with: Spring's
 * {@link JdbcClient} and {@link JdbcTemplate}, bound to Ratchet's migration connection inside the
 * migration's transaction (not to the application's DataSource, whose {@code JdbcClient} bean is
 * created only after migrations ran), and that connection itself.
 * <p>
 * Statements run in Ratchet's transaction: do not commit or roll back, and do not close the
 * connection (closing it through the {@code JdbcClient} does nothing). SQL errors come as Spring's
 * {@code DataAccessException}s; Ratchet reports PostgreSQL's message and SQLSTATE from them.
 */
public final class JdbcMigrationContext {

	private final MigrationContext context;

	private JdbcTemplate jdbcTemplate;

	private JdbcClient jdbcClient;

	private JdbcMigrationContext(MigrationContext context) {
		this.context = context;
	}

	/**
	 * Wraps a migration context.
	 * @param context the context Ratchet gives the migration
	 * @return the context with Spring JDBC access
	 */
	public static JdbcMigrationContext of(MigrationContext context) {
		return new JdbcMigrationContext(context);
	}

	/**
	 * Returns the migration connection, inside the migration's transaction.
	 */
	public Connection connection() {
		return this.context.connection();
	}

	/**
	 * Returns the migration schema.
	 */
	public String schema() {
		return this.context.schema();
	}

	MigrationContext asMigrationContext() {
		return this.context;
	}

	/**
	 * Returns a {@link JdbcClient} on the migration connection.
	 */
	public JdbcClient jdbcClient() {
		if (this.jdbcClient == null) {
			this.jdbcClient = JdbcClient.create(jdbcTemplate());
		}
		return this.jdbcClient;
	}

	/**
	 * Returns a {@link JdbcTemplate} on the migration connection.
	 */
	public JdbcTemplate jdbcTemplate() {
		if (this.jdbcTemplate == null) {
			this.jdbcTemplate = new JdbcTemplate(new SingleConnectionDataSource(this.context.connection(), true));
		}
		return this.jdbcTemplate;
	}

}
