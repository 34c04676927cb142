package dev.ratchet.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transaction-mode poolers told from the URL, and URLs made fit for messages.
 */
class JdbcUrlsTests {

	@Test
	void supabaseTransactionPoolerIsDetected() {
		assertThat(JdbcUrls.transactionPooler(
				"jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres?user=postgres.abcd&sslmode=require"))
			.isEqualTo("port 6543 of aws-0-eu-central-1.pooler.supabase.com is Supabase's transaction pooler");
	}

	@Test
	void port6543IsSupabasesTransactionPoolerOnAnyHost() {
		assertThat(JdbcUrls.transactionPooler("jdbc:postgresql://db.abcd.supabase.co:6543/postgres")).isNotNull();
	}

	@Test
	void neonPooledEndpointIsDetected() {
		assertThat(JdbcUrls.transactionPooler(
				"jdbc:postgresql://ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require"))
			.isEqualTo("ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech is Neon's pooled endpoint (PgBouncer in "
					+ "transaction mode)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://db.abcd.supabase.co:5432/postgres",
			"jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres",
			"jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb",
			"jdbc:postgresql://localhost/app", "jdbc:postgresql:app", "jdbc:postgresql://pgbouncer:6432/app",
			"jdbc:postgresql://[::1]:5432/app" })
	void directUrlsAreNotPoolers(String url) {
		assertThat(JdbcUrls.transactionPooler(url)).isNull();
	}

	@Test
	void anyHostOfAMultiHostUrlCounts() {
		assertThat(JdbcUrls.transactionPooler("jdbc:postgresql://primary:5432,replica.pooler.supabase.com:6543/app"))
			.startsWith("port 6543 of replica.pooler.supabase.com");
	}

	@Test
	void pgBouncerDefaultPortIsOnlyAHint() {
		assertThat(JdbcUrls.usesPgBouncerPort("jdbc:postgresql://pgbouncer:6432/app")).isTrue();
		assertThat(JdbcUrls.usesPgBouncerPort("jdbc:postgresql://db:5432/app")).isFalse();
		assertThat(JdbcUrls.transactionPooler("jdbc:postgresql://pgbouncer:6432/app")).isNull();
	}

	@Test
	void endpointsDefaultToPort5432() {
		assertThat(JdbcUrls.endpoints("jdbc:postgresql://Db.Example.com,other:7000/app"))
			.containsExactly(new JdbcUrls.Endpoint("db.example.com", 5432), new JdbcUrls.Endpoint("other", 7000));
		assertThat(JdbcUrls.endpoints("jdbc:postgresql://[::1]:6543/app"))
			.containsExactly(new JdbcUrls.Endpoint("[::1]", 6543));
	}

	@Test
	void redactRemovesPasswordsAndUserInfo() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@db:5432/app?user=app&password=s3cret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&sslmode=require");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app?sslpassword=k3y;password=x")).doesNotContain("k3y", "=x");
		assertThat(JdbcUrls.redact(null)).isNull();
	}

}
