package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.LintException;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.boot.test.SessionTableStartupTests;
import dev.ratchet.test.Sql;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the pre-flight properties against PostgreSQL: {@code ratchet.pooler-policy}
 * and {@code ratchet.lint.severity.<rule-id>} change what the start-up migration does.
 */
class RatchetPreflightIntegrationTests extends SessionTableStartupTests {

	RatchetPreflightIntegrationTests() {
		super("id bigint PRIMARY KEY, shop text");
	}

	@Test
	void connectionThatBehavesLikeATransactionPoolerIsRefusedByDefault() {
		RatchetContextRunner.startupFailure(this.contextRunner.withBean(DataSource.class, this::sharedSession))
			.isInstanceOf(DatabaseConnectionException.class)
			.hasMessageContaining("connection pooler in transaction mode")
			.hasMessageContaining("Set ratchet.url to the database's direct URL")
			.hasMessageContaining("ratchet.pooler-policy=warn");
		assertThat(Sql.exists(this.db, "session")).isFalse();
	}

	@Test
	void poolerPolicyWarnMigratesThroughThePooler() {
		this.contextRunner.withBean(DataSource.class, this::sharedSession)
			.withPropertyValues("ratchet.pooler-policy=warn")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Sql.exists(this.db, "session")).isTrue();
	}

	@Test
	void lintSeverityPropertyTurnsAWarningIntoAnErrorThatStopsTheStartup() {
		migrate();
		this.db.files().write("V2__index_session_shop.sql", "CREATE INDEX session_shop_idx ON session (shop);");
		RatchetContextRunner.startupFailure(withDataSource()
			.withPropertyValues("ratchet.locations=" + this.db.files().location(),
					"ratchet.lint.severity.risk.index-not-concurrent=error"))
			.isInstanceOf(LintException.class)
			.hasMessageContaining("[risk.index-not-concurrent]");
		assertThat(indexExists()).isFalse();
		migrate();
		assertThat(indexExists()).isTrue();
	}

	@Test
	void lintSeverityPropertySwitchesADialectRuleOff() {
		this.db.files().write("V2__add_expiry.sql", "ALTER TABLE session ADD COLUMN expires_at DATETIME;");
		RatchetContextRunner.startupFailure(withDataSource())
			.isInstanceOf(LintException.class);
		assertThat(Sql.exists(this.db, "session")).isFalse();
		withDataSource()
			.withPropertyValues("ratchet.lint.severity.dialect.datetime=off")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("type \"datetime\" does not exist"));
		assertThat(Sql.exists(this.db, "session")).as("V1, applied before V2 failed in PostgreSQL").isTrue();
	}

	private void migrate() {
		withDataSource()
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private boolean indexExists() {
		return Sql.number(this.db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'session_shop_idx'") == 1;
	}

	private DataSource sharedSession() {
		// Hands out one connection, as a pooler in transaction mode may: both of Ratchet's sessions are one.
		return new SingleConnectionDataSource(this.db.url(), this.db.username(), this.db.password(), true);
	}

}
