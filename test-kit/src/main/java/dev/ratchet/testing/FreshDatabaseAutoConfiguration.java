package dev.ratchet.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
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
 * Connects a {@link MigrationsTest} to a new database of the {@link PostgresServer} when the test
 * names no database of its own.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@Conditional(FreshDatabaseAutoConfiguration.NoDataSourceUrlCondition.class)
public final class FreshDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	Database ratchetTestDatabase() {
		return PostgresServer.shared().createDatabase();
	}

	@Bean
	JdbcConnectionDetails ratchetTestConnectionDetails(Database database) {
		return new DatabaseConnectionDetails(database);
	}

	record DatabaseConnectionDetails(Database database) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.database.url();
		}

		@Override
		public String getUsername() {
			return this.database.username();
		}

		@Override
		public String getPassword() {
			return this.database.password();
		}

	}

	static final class NoDataSourceUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
					? ConditionOutcome.noMatch("spring.datasource.url is set")
					: ConditionOutcome.match("no spring.datasource.url");
		}

	}

}
