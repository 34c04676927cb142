package dev.ratchet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.internal.DelegatingDataSource;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratchet on the application's HikariCP pool: the connections it borrows go back as they came, and
 * one it could not put back is never handed out again with Ratchet's settings.
 */
class PooledConnectionIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private HikariDataSource pool;

	@BeforeEach
	void createPool() {
		Sql.execute(this.db, "CREATE SCHEMA app");
		HikariConfig config = new HikariConfig();
		config.setDataSource(this.db.dataSource());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(2);
		config.setConnectionTimeout(2000);
		this.pool = new HikariDataSource(config);
		this.db.files().write("V1__item.sql", "CREATE TABLE item (id int);");
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void borrowedConnectionsGoBackAsTheyCame() throws SQLException {
		List<String> before = settingsOfEveryPooledConnection();
		ratchet(this.pool).migrate();
		assertThat(Sql.exists(this.db, "app.item")).isTrue();
		assertThat(settingsOfEveryPooledConnection()).isEqualTo(before);
	}

	@Test
	void connectionThatCannotBeRestoredNeverReturnsToThePoolWithRatchetsSettings() throws SQLException {
		List<String> before = settingsOfEveryPooledConnection();
		AtomicInteger failedRestores = new AtomicInteger();
		ratchet(new FailingRestore(this.pool, failedRestores)).migrate();
		assertThat(Sql.exists(this.db, "app.item")).isTrue();
		assertThat(failedRestores).hasPositiveValue();
		assertThat(settingsOfEveryPooledConnection()).isEqualTo(before)
			.noneMatch((settings) -> settings.contains("ratchet"));
	}

	private Ratchet ratchet(javax.sql.DataSource dataSource) {
		return new Ratchet(
				RatchetConfiguration.builder(dataSource).locations(this.db.files().location()).schema("app").build());
	}

	/**
	 * Borrows every connection of the pool at once and reads its application name and search path.
	 */
	private List<String> settingsOfEveryPooledConnection() throws SQLException {
		return Sql.onEachPooledConnection(this.pool, 2, "SELECT current_setting('application_name') || ' | '"
				+ " || current_setting('search_path') || ' | ' || current_setting('tcp_keepalives_idle')");
	}

	/**
	 * Hands out the pool's connections, except that putting one back as it was fails, as it does on
	 * a connection that broke meanwhile.
	 */
	private static final class FailingRestore extends DelegatingDataSource {

		private final AtomicInteger failures;

		FailingRestore(javax.sql.DataSource target, AtomicInteger failures) {
			super(target);
			this.failures = failures;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("RESET tcp_keepalives_idle")) {
							this.failures.incrementAndGet();
							throw new SQLException("injected: the restore failed", "57P01");
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
