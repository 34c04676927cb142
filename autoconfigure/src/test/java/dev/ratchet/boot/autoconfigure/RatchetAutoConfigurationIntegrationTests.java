package dev.ratchet.boot.autoconfigure;

import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.boot.test.SessionTableStartupTests;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestCredentials;
import dev.ratchet.test.TestDatabase;
import dev.ratchet.test.TestJavaMigration.Body;
import dev.ratchet.test.TestJavaMigration;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link RatchetAutoConfiguration} against PostgreSQL: which connection
 * migrates, and how the extension beans reach the engine.
 */
class RatchetAutoConfigurationIntegrationTests extends SessionTableStartupTests {

	@Test
	void migratesTheApplicationDataSourceDuringStartup() {
		withDataSource()
			.run((context) -> {
				assertThat(context).hasSingleBean(Ratchet.class).hasSingleBean(RatchetMigrationInitializer.class);
				assertThat(Sql.exists(this.db, "session")).isTrue();
			});
	}

	@Test
	void ratchetDataSourceQualifierWinsOverApplicationDataSourceAndUrl() {
		try (TestDatabase.Db migrated = TestDatabase.createDatabase()) {
			assertMigratesOnly(migrated, this.contextRunner
				.withBean("applicationDataSource", DataSource.class, this.db::dataSource,
						(definition) -> definition.setPrimary(true))
				.withBean("migrationDataSource", DataSource.class, migrated::dataSource,
						(definition) -> ((AbstractBeanDefinition) definition)
							.addQualifier(new AutowireCandidateQualifier(RatchetDataSource.class)))
				.withPropertyValues("ratchet.url=jdbc:postgresql://127.0.0.1:1/none"));
		}
	}

	@Test
	void ratchetUrlWinsOverApplicationDataSource() {
		try (TestDatabase.Db migrated = TestDatabase.createDatabase()) {
			assertMigratesOnly(migrated, withDataSource()
				.withPropertyValues("ratchet.url=" + migrated.url(),
						"ratchet.username=" + migrated.username()));
		}
	}

	@Test
	void ratchetUrlMigratesWithoutApplicationDataSource() {
		this.contextRunner
			.withPropertyValues("ratchet.url=" + this.db.url(),
					"ratchet.username=" + this.db.username())
			.run((context) -> {
				assertThat(context).hasSingleBean(Ratchet.class).doesNotHaveBean(DataSource.class);
				assertThat(Sql.exists(this.db, "session")).isTrue();
			});
	}

	@Test
	void ratchetUsernameWithoutUrlConnectsToApplicationDatabaseAsThatUser() throws Exception {
		String owner = "ratchet_owner_" + ProcessHandle.current().pid();
		execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + TestCredentials.PASSWORD + "'",
				"GRANT CREATE ON DATABASE " + this.db.name() + " TO " + owner,
				"GRANT CREATE, USAGE ON SCHEMA public TO " + owner);
		try {
			withDataSource()
				.withPropertyValues("ratchet.username=" + owner,
						"ratchet.password=" + TestCredentials.PASSWORD)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(Sql.column(this.db, "SELECT tableowner FROM pg_tables WHERE tablename = 'session'"))
						.containsExactly(owner);
					assertThat(Sql.column(this.db, "SELECT installed_by FROM ratchet_history")).containsExactly(owner);
				});
		}
		finally {
			execute("DROP OWNED BY " + owner, "DROP ROLE " + owner);
		}
	}

	@Test
	void propertiesReachTheEngine() {
		this.db.files().write("V1__create_session.sql", "CREATE TABLE ${prefix}session (id bigint PRIMARY KEY);");
		withDataSource()
			.withPropertyValues("ratchet.schema=public",
					"ratchet.table=schema_history", "ratchet.lock.wait-timeout=45s", "ratchet.baseline-on-migrate=true",
					"ratchet.baseline-version=0.5", "ratchet.out-of-order=true", "ratchet.placeholders.prefix=shop_")
			.run((context) -> {
				RatchetConfiguration configuration = context.getBean(Ratchet.class).getConfiguration();
				assertThat(configuration.getLocations()).containsExactly(this.db.files().location());
				assertThat(configuration.getSchema()).isEqualTo("public");
				assertThat(configuration.getTable()).isEqualTo("schema_history");
				assertThat(configuration.getLockWaitTimeout()).isEqualTo(Duration.ofSeconds(45));
				assertThat(configuration.isBaselineOnMigrate()).isTrue();
				assertThat(configuration.getBaselineVersion()).hasToString("0.5");
				assertThat(configuration.isOutOfOrder()).isTrue();
				assertThat(configuration.getPlaceholders()).isEqualTo(Map.of("prefix", "shop_"));
				assertThat(Sql.exists(this.db, "shop_session")).isTrue();
				assertThat(Sql.exists(this.db, "schema_history")).isTrue();
			});
	}

	@Test
	void placeholderMarkersAndReplacementReachTheEngine() {
		this.db.files().write("V2__create_template.sql", "CREATE TABLE [[prefix]]template (body text);\n"
				+ "INSERT INTO [[prefix]]template VALUES ('Dear ${name}');");
		RatchetContextRunner.runStarted(withDataSource(),
				(context) -> assertThat(Sql.column(this.db, "SELECT body FROM shop_template"))
					.containsExactly("Dear ${name}"),
				"ratchet.placeholders.prefix=shop_", "ratchet.placeholder-prefix=[[", "ratchet.placeholder-suffix=]]");
	}

	@Test
	void mixedAndDriftPropertiesReachTheEngine() {
		this.db.files().write("V2__mixed.sql", "CREATE TABLE message (id int);\n"
				+ "CREATE INDEX CONCURRENTLY message_idx ON message (id);");
		RatchetContextRunner.runStarted(withDataSource(), (context) -> {
			RatchetConfiguration configuration = context.getBean(Ratchet.class).getConfiguration();
			assertThat(configuration.isMixed()).isTrue();
			assertThat(configuration.isDriftEnabled()).isFalse();
			assertThat(configuration.getDriftIgnore()).containsExactly("table:qrtz_*", "view:report_*");
			assertThat(Sql.exists(this.db, "message_idx")).isTrue();
		}, "ratchet.mixed=true", "ratchet.drift.enabled=false", "ratchet.drift.ignore=table:qrtz_*,view:report_*");
	}

	@Test
	void placeholderReplacementCanBeTurnedOff() {
		this.db.files().write("V2__create_template.sql", "CREATE TABLE template (body text);\n"
				+ "INSERT INTO template VALUES ('Dear ${name}; see ${ratchet:schema}');");
		RatchetContextRunner.runStarted(withDataSource(),
				(context) -> assertThat(Sql.column(this.db, "SELECT body FROM template"))
					.containsExactly("Dear ${name}; see ${ratchet:schema}"),
				"ratchet.placeholder-replacement=false");
	}

	@Test
	void customizersRunAfterProperties() {
		withDataSource()
			.withBean(RatchetConfigurationCustomizer.class, () -> (builder) -> builder.table("customized_history"))
			.withPropertyValues("ratchet.table=property_history")
			.run((context) -> {
				assertThat(Sql.exists(this.db, "customized_history")).isTrue();
				assertThat(Sql.exists(this.db, "property_history")).isFalse();
			});
	}

	@Test
	void migrationStrategyReplacesMigrate() {
		List<Ratchet> called = new CopyOnWriteArrayList<>();
		withDataSource()
			.withBean(RatchetMigrationStrategy.class, () -> called::add)
			.run((context) -> {
				assertThat(called).containsExactly(context.getBean(Ratchet.class));
				assertThat(Sql.exists(this.db, "session")).isFalse();
			});
	}

	@Test
	void listenerBeansReceiveTheEnginesEvents() {
		List<MigrationEvent> events = new CopyOnWriteArrayList<>();
		withDataSource()
			.withBean(MigrationListener.class, () -> events::add)
			.run((context) -> assertThat(events).filteredOn(MigrationEvent.MigrationApplied.class::isInstance)
				.extracting((event) -> ((MigrationEvent.MigrationApplied) event).migration().script())
				.containsExactly("V1__create_session.sql"));
	}

	@Test
	void javaMigrationBeansRunInVersionOrder() {
		this.db.files().write("V2__create_chatbot.sql", "CREATE TABLE chatbot (name text);");
		withDataSource()
			.withBean(JavaMigration.class, () -> new TestJavaMigration("1.1", "seed sessions",
					Body.sql("INSERT INTO session VALUES (1), (2)")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Sql.column(this.db, "SELECT type || ' ' || version FROM ratchet_history ORDER BY installed_rank"))
					.containsExactly("SQL 1", "JAVA 1.1", "SQL 2");
				assertThat(Sql.number(this.db, "SELECT count(*) FROM session")).isEqualTo(2);
			});
	}

	@Test
	void userDefinedRatchetReplacesOurs() {
		withDataSource()
			.withBean(Ratchet.class, () -> new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
				.locations(this.db.files().location())
				.table("own_history")
				.build()))
			.run((context) -> {
				assertThat(context).hasSingleBean(Ratchet.class);
				assertThat(Sql.exists(this.db, "own_history")).isTrue();
			});
	}

	@Test
	void userDefinedInitializerReplacesOurs() {
		withDataSource()
			.withBean(RatchetMigrationInitializer.class,
					() -> new RatchetMigrationInitializer(null, (ratchet) -> { }))
			.run((context) -> {
				assertThat(context).hasSingleBean(RatchetMigrationInitializer.class);
				assertThat(Sql.exists(this.db, "session")).isFalse();
			});
	}

	private void execute(String... statements) throws Exception {
		try (var connection = this.db.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	// The start-up migrated the given database and left the application's alone.
	private void assertMigratesOnly(TestDatabase.Db migrated, ApplicationContextRunner runner) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Sql.exists(migrated, "session")).isTrue();
			assertThat(Sql.exists(this.db, "session")).isFalse();
		});
	}

}
