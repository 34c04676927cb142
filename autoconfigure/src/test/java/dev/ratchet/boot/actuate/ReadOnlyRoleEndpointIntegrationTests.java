package dev.ratchet.boot.actuate;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.autoconfigure.RatchetEndpointAutoConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrations} endpoint of an application that connects with a read-only role: USAGE on
 * the schema and SELECT on its tables, nothing more.
 */
class ReadOnlyRoleEndpointIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class,
				RatchetEndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	@TempDir
	private Path migrations;

	private MigrationFiles files;

	private TestDatabase.Db db;

	private String reader;

	private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

	@BeforeEach
	void migrateAndCreateTheReader() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.migrations).write("V1__session.sql", "CREATE TABLE session (id int);");
		new Ratchet(RatchetConfiguration.builder(this.db.dataSource()).locations(this.files.location()).build())
			.migrate();
		this.reader = "ro_" + this.db.name();
		Sql.execute(this.db, "CREATE ROLE " + this.reader + " LOGIN NOSUPERUSER PASSWORD '" + this.password + "'; "
				+ "REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + this.reader + "; "
				+ "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + this.reader);
	}

	@AfterEach
	void dropDatabase() {
		Sql.execute(this.db, "DROP OWNED BY " + this.reader + "; DROP ROLE " + this.reader);
		this.db.close();
	}

	@Test
	void endpointWorksForAReadOnlyRole() {
		PGSimpleDataSource readOnly = new PGSimpleDataSource();
		readOnly.setUrl(this.db.url());
		readOnly.setUser(this.reader);
		readOnly.setPassword(this.password);
		this.files.write("V2__more.sql", "CREATE TABLE more (id int);");
		this.contextRunner.withBean(DataSource.class, () -> readOnly)
			.withPropertyValues("ratchet.locations=" + this.files.location(), "ratchet.mode=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JsonNode json = MigrationsEndpointIntegrationTests.json(context);
				assertThat(json.get("status").asString()).isEqualTo("PENDING");
				assertThat(json.get("currentVersion").asString()).isEqualTo("1");
				assertThat(json.get("drift").get("drifted").asBoolean()).isFalse();
			});
	}

}
