package dev.ratchet.boot.actuate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetHealthContributorAutoConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Measures what one endpoint call and one health check cost, as the median of many calls in a warm
 * JVM, next to a plain {@code SELECT 1} over the same DataSource (the machine may be noisy; the
 * ratio is what to compare). Not part of the build, as its name does not end in {@code Tests}; run
 * it against the machine's PostgreSQL with:
 * <pre>
 * RATCHET_TEST_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test ./mvnw -pl core,autoconfigure verify -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=OpsCallCost
 * </pre>
 */
class OpsCallCost {

	private static final int WARM_UP = 1000;

	private static final int CALLS = 1000;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class, RatchetEndpointAutoConfiguration.class,
				RatchetHealthContributorAutoConfiguration.class, JacksonEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	@TempDir
	private Path migrations;

	@Test
	void measure() throws Exception {
		MigrationFiles files = new MigrationFiles(this.migrations);
		for (int i = 1; i <= 6; i++) {
			files.write("V" + i + "__step_" + i + ".sql", "CREATE TABLE step_" + i + " (id bigint PRIMARY KEY);");
		}
		files.write("R__steps_view.sql", "CREATE OR REPLACE VIEW steps AS SELECT id FROM step_1;");
		try (TestDatabase.Db db = TestDatabase.createDatabase(); HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(db.url());
			pool.setUsername(db.username());
			pool.setPassword(db.password());
			pool.setMaximumPoolSize(4);
			System.err.println("Against " + TestDatabase.describe() + ", Hikari pool, 6 versioned + 1 repeatable");
			// Each context would close a HikariDataSource bean; the delegate has no close method.
			DataSource pooled = new DelegatingDataSource(pool);
			this.contextRunner.withBean(DataSource.class, () -> pooled)
				.withPropertyValues("ratchet.locations=" + files.location(), "ratchet.health.cache-ttl=0")
				.run((context) -> report(context, pool, "pooled"));
			this.contextRunner.withBean(DataSource.class, () -> pooled)
				.withPropertyValues("ratchet.locations=" + files.location())
				.run((context) -> report(context, pool, "pooled, health cached (default TTL)"));
			DataSource unpooled = db.dataSource();
			this.contextRunner
				.withPropertyValues("ratchet.locations=" + files.location(), "ratchet.url=" + db.url(),
						"ratchet.username=" + db.username(), "ratchet.health.cache-ttl=0")
				.run((context) -> report(context, unpooled, "ratchet.url (a new connection per call)"));
		}
	}

	private void report(AssertableApplicationContext context, DataSource dataSource, String setting) throws Exception {
		MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
		HealthIndicator health = context.getBean("migrationsHealthIndicator", HealthIndicator.class);
		Ratchet ratchet = context.getBean(Ratchet.class);
		var json = context.getBean(EndpointJsonMapper.class).get();
		Call selectOne = () -> {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT 1")) {
				rs.next();
			}
		};
		for (int round = 1; round <= 3; round++) {
			double select = median(selectOne);
			double endpointCall = median(endpoint::migrations);
			double endpointJson = median(() -> json.writeValueAsBytes(endpoint.migrations()));
			double healthCall = median(health::health);
			double status = median(ratchet::status);
			System.err.printf("%s, round %d: SELECT 1 %.0f us | endpoint %.0f us (%.1fx) | endpoint + JSON %.0f us (%.1fx)"
					+ " | health %.1f us (%.2fx) | Ratchet.status() %.0f us (%.1fx)%n", setting, round, select,
					endpointCall, endpointCall / select, endpointJson, endpointJson / select, healthCall,
					healthCall / select, status, status / select);
		}
	}

	private static double median(Call call) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			call.run();
		}
		long[] nanos = new long[CALLS];
		for (int i = 0; i < CALLS; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos[CALLS / 2] / 1000.0;
	}

	@FunctionalInterface
	interface Call {

		void run() throws Exception;

	}

}
