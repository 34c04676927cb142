package dev.ratchet.sample.embedded;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL server from embedded binaries when no {@code spring.datasource.url} (or
 * {@code SPRING_DATASOURCE_URL}) is given and no other connection details exist (such as a
 * Testcontainers {@code @ServiceConnection}), so that the sample app runs with no setup. Boot's
 * usual DataSource connects to it through {@link JdbcConnectionDetails}; the server stops, and its
 * data is deleted, when the application stops.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@Conditional(EmbeddedPostgresAutoConfiguration.NoDataSourceUrlCondition.class)
public final class EmbeddedPostgresAutoConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		logger.info("Started embedded PostgreSQL at " + jdbcUrl(postgres) + " (user postgres). Its data is deleted "
				+ "on shutdown; set spring.datasource.url to use another database.");
		return postgres;
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new EmbeddedPostgresConnectionDetails(jdbcUrl(postgres));
	}

	private static String jdbcUrl(EmbeddedPostgres postgres) {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	/**
	 * Connection details of the embedded server: its {@code postgres} database and superuser.
	 */
	record EmbeddedPostgresConnectionDetails(String jdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public String getUsername() {
			return "postgres";
		}

		@Override
		public String getPassword() {
			return "";
		}

	}

	/**
	 * Matches when {@code spring.datasource.url} is not set.
	 */
	static class NoDataSourceUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded PostgreSQL");
			// the URL itself is not reported: it may carry a password
			if (StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))) {
				return ConditionOutcome.noMatch(message.found("property").items("spring.datasource.url"));
			}
			return ConditionOutcome.match(message.didNotFind("property").items("spring.datasource.url"));
		}

	}

}
