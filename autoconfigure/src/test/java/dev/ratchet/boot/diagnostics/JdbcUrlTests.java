package dev.ratchet.boot.diagnostics;

import org.junit.jupiter.api.Test;

import dev.ratchet.test.TestCredentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcUrl}.
 */
class JdbcUrlTests {

	@Test
	void namesHostPortAndDatabase() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example.com:6543/orders?sslmode=require");
		assertThat(url.server()).isEqualTo("db.example.com:6543");
		assertThat(url.database()).isEqualTo("orders");
		assertThat(url.describe()).isEqualTo(
				"host and port db.example.com:6543, database \"orders\" "
						+ "(jdbc:postgresql://db.example.com:6543/orders?sslmode=require)");
	}

	@Test
	void fillsInTheDefaultPort() {
		assertThat(JdbcUrl.parse("jdbc:postgresql://db.example.com/orders").server()).isEqualTo("db.example.com:5432");
	}

	@Test
	void namesEveryHostOfAMultiHostUrl() {
		assertThat(JdbcUrl.parse("jdbc:postgresql://primary:5432,replica/orders?targetServerType=primary").server())
			.isEqualTo("primary:5432, replica:5432");
	}

	@Test
	void shortFormMeansTheLocalServer() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql:orders");
		assertThat(url.server()).isEqualTo("localhost:5432");
		assertThat(url.database()).isEqualTo("orders");
	}

	@Test
	void dropsPasswordParameters() {
		JdbcUrl url = JdbcUrl.parse(
				"jdbc:postgresql://db/orders?user=app&password=" + TestCredentials.PASSWORD + "&sslmode=verify-full&sslpassword=keypass");
		assertThat(url.safe()).isEqualTo("jdbc:postgresql://db/orders?user=app&sslmode=verify-full");
		assertThat(url.describe()).doesNotContain(TestCredentials.PASSWORD).doesNotContain("keypass");
	}

	@Test
	void dropsUserInformation() {
		JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://app:" + TestCredentials.PASSWORD + "@db:5432/orders");
		assertThat(url.safe()).isEqualTo("jdbc:postgresql://db:5432/orders");
		assertThat(url.server()).isEqualTo("db:5432");
	}

	@Test
	void onlyCleansUrlsOfOtherDatabases() {
		JdbcUrl url = JdbcUrl.parse("jdbc:sqlserver://db;user=app;password=" + TestCredentials.PASSWORD + ";encrypt=true");
		assertThat(url.server()).isNull();
		assertThat(url.describe()).isEqualTo("jdbc:sqlserver://db;user=app;encrypt=true");
	}

}
