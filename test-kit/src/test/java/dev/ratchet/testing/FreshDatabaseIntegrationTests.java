package dev.ratchet.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class FreshDatabaseIntegrationTests {

	private static final List<String> used = new CopyOnWriteArrayList<>();

	@RepeatedTest(2)
	void eachTestGetsAnEmptyDatabaseOfItsOwn(Database database, DataSource dataSource) throws SQLException {
		assertThat(used).doesNotContain(database.name());
		used.add(database.name());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			assertThat(single(statement, "SELECT current_database()")).isEqualTo(database.name());
			assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
			// left behind on purpose: the next repetition must not see it
			statement.execute("CREATE TABLE leftover (id int)");
		}
	}

	@AfterAll
	static void databasesAreDroppedAfterTheirTest() throws SQLException {
		assertThat(used).hasSize(2);
		try (Database probe = PostgresServer.shared().createDatabase(); Connection connection = probe.connect();
				Statement statement = connection.createStatement()) {
			for (String name : used) {
				assertThat(single(statement, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
					.as(name).isEqualTo("0");
			}
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
