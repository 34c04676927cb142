package dev.ratchet.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.ratchet.test.TestDatabase;

/**
 * Databases for the benchmarks, from the server the tests use ({@code RATCHET_TEST_JDBC_URL}, else
 * Testcontainers, else embedded PostgreSQL), and pools like the ones Spring Boot builds.
 */
final class Databases {

	private Databases() {
	}

	static TestDatabase.Db create() {
		return TestDatabase.createDatabase();
	}

	/**
	 * A Hikari pool as Spring Boot configures one by default, filled before it is returned so that
	 * no timed run pays for opening connections.
	 */
	static HikariDataSource pool(TestDatabase.Db db) {
		return pool(db.url(), db);
	}

	static HikariDataSource pool(String url, TestDatabase.Db db) {
		return pool(url, db, 4);
	}

	/**
	 * A pool of {@code size} connections, filled.
	 */
	static HikariDataSource pool(String url, TestDatabase.Db db, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(db.username());
		config.setPassword(db.password());
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		config.setPoolName("bench");
		HikariDataSource pool = new HikariDataSource(config);
		List<Connection> filled = new ArrayList<>();
		try {
			for (int i = 0; i < size; i++) {
				filled.add(pool.getConnection());
			}
			for (Connection connection : filled) {
				connection.close();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not fill the pool for " + db.name() + ": " + ex.getMessage(), ex);
		}
		return pool;
	}

	static long count(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String serverVersion() throws SQLException {
		try (TestDatabase.Db db = create(); Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version(), current_setting('synchronous_commit'), "
						+ "current_setting('fsync'), current_setting('shared_buffers')")) {
			rs.next();
			// Durability settings decide what a commit costs: a commit-per-row loop is many times
			// cheaper with synchronous_commit off, as embedded test servers often run.
			return TestDatabase.describe() + " (" + rs.getString(1) + "; synchronous_commit " + rs.getString(2)
					+ ", fsync " + rs.getString(3) + ", shared_buffers " + rs.getString(4) + ")";
		}
	}

}
