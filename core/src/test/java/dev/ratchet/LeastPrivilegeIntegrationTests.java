package dev.ratchet;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Production roles: one with rights on its schema only (not the database's owner, no CREATE on the
 * database, not a superuser) migrates; a read-only one reads status and validates; a missing right
 * is named with its object.
 */
class LeastPrivilegeIntegrationTests {

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private MigrationFiles files;

	private String migrator;

	private String reader;

	private final String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

	@BeforeEach
	void createRoles() {
		this.db = TestDatabase.createDatabase();
		this.migrator = "mig_" + this.db.name();
		this.reader = "ro_" + this.db.name();
		Sql.execute(this.db, "CREATE ROLE " + this.migrator + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
				+ this.password + "'; CREATE ROLE " + this.reader + " LOGIN NOSUPERUSER PASSWORD '" + this.password + "'; "
				+ "REVOKE CREATE ON DATABASE " + this.db.name() + " FROM PUBLIC; "
				+ "CREATE SCHEMA app; GRANT USAGE, CREATE ON SCHEMA app TO " + this.migrator + "; "
				+ "GRANT USAGE ON SCHEMA app TO " + this.reader + "; "
				+ "ALTER DEFAULT PRIVILEGES FOR ROLE " + this.migrator + " IN SCHEMA app GRANT SELECT ON TABLES TO "
				+ this.reader);
		this.files = new MigrationFiles(this.dir).write("V1__item.sql", "CREATE TABLE item (id int);")
			.write("V2__fill.sql", "INSERT INTO item VALUES (1);");
	}

	@AfterEach
	void dropRoles() {
		Sql.execute(this.db, "DROP OWNED BY " + this.migrator + "; DROP OWNED BY " + this.reader + "; DROP ROLE " + this.migrator
				+ "; DROP ROLE " + this.reader);
		this.db.close();
	}

	private DataSource as(String role) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.db.url());
		dataSource.setUser(role);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	private Ratchet ratchet(String role) {
		return new Ratchet(RatchetConfiguration.builder(as(role)).locations(this.files.location()).schema("app").build());
	}

	@Test
	void roleWithRightsOnItsSchemaOnlyMigrates() {
		assertThat(Sql.column(this.db, "SELECT has_database_privilege('" + this.migrator + "', current_database(), "
				+ "'CREATE')")).containsExactly("f");
		MigrateResult result = ratchet(this.migrator).migrate();
		assertThat(result.applied()).hasSize(2);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM app.item")).isOne();
		assertThat(ratchet(this.migrator).migrate().applied()).isEmpty();
	}

	@Test
	void readOnlyRoleReadsStatusValidatesAndComparesDrift() {
		ratchet(this.migrator).migrate();
		Ratchet readOnly = ratchet(this.reader);
		assertThat(readOnly.status().isValid()).isTrue();
		assertThat(readOnly.status().pendingCount()).isZero();
		assertThat(readOnly.validate().isValid()).isTrue();
		assertThat(readOnly.drift().isDrifted()).isFalse();
		assertThat(readOnly.inspect().status().pendingCount()).isZero();
		this.files.write("V3__more.sql", "CREATE TABLE more (id int);");
		assertThat(ratchet(this.reader).status().pendingCount()).isOne();
	}

	@Test
	void missingRightIsNamedWithItsObject() {
		ratchet(this.migrator).migrate();
		Sql.execute(this.db, "CREATE TABLE app.locked (id int)");
		this.files.write("V3__locked.sql", "INSERT INTO locked VALUES (1);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> ratchet(this.migrator).migrate())
			.withMessageContaining("permission denied for table locked")
			.withMessageContaining("lacks INSERT on table locked")
			.withMessageContaining("GRANT INSERT ON TABLE locked");
	}

	@Test
	void missingSchemaNeedsCreateOnTheDatabaseAndSaysSo() {
		assertThatExceptionOfType(RatchetException.class)
			.isThrownBy(() -> new Ratchet(RatchetConfiguration.builder(as(this.migrator))
				.locations(this.files.location())
				.schema("elsewhere")
				.build()).migrate())
			.withMessageContaining("CREATE on database " + this.db.name())
			.withMessageNotContaining(this.password);
	}

	@Test
	void readOnlyRoleWithoutReadRightOnTheHistoryIsToldWhichRight() {
		ratchet(this.migrator).migrate();
		Sql.execute(this.db, "REVOKE SELECT ON ALL TABLES IN SCHEMA app FROM " + this.reader);
		assertThatExceptionOfType(RatchetException.class).isThrownBy(() -> ratchet(this.reader).status())
			.withMessageContaining("ratchet_history")
			.withMessageContaining("SELECT");
	}

}
