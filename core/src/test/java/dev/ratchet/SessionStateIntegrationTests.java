package dev.ratchet;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ratchet.internal.DelegatingDataSource;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.RoundTripDataSource;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a migration sets for its session stays with it: the next migration, Ratchet's history write
 * and the application's pool see the session as the run found it.
 */
class SessionStateIntegrationTests {

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private MigrationFiles files;

	private String owner;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.owner = "owner_" + this.db.name();
		Sql.execute(this.db, "CREATE SCHEMA app; CREATE ROLE " + this.owner + " NOLOGIN; GRANT USAGE, CREATE ON SCHEMA app TO "
				+ this.owner + "; GRANT " + this.owner + " TO current_user");
		this.files = new MigrationFiles(this.dir);
	}

	@AfterEach
	void dropDatabase() {
		Sql.execute(this.db, "REASSIGN OWNED BY " + this.owner + " TO current_user; DROP OWNED BY " + this.owner
				+ "; DROP ROLE " + this.owner);
		this.db.close();
	}

	private Ratchet ratchet(javax.sql.DataSource dataSource) {
		return new Ratchet(
				RatchetConfiguration.builder(dataSource).locations(this.files.location()).schema("app").build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "SET search_path TO other;", "SELECT set_config('search_path', 'other', false);" })
	void searchPathSetByOneMigrationDoesNotReachTheNext(String set) {
		this.files.write("V1__base.sql", "CREATE TABLE base (id int); CREATE SCHEMA other; " + set)
			.write("V2__fill.sql", "INSERT INTO base VALUES (1); CREATE TABLE later (id int);");
		ratchet(this.db.dataSource()).migrate();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM app.base")).isOne();
		assertThat(Sql.exists(this.db, "app.later")).isTrue();
		assertThat(Sql.exists(this.db, "other.later")).isFalse();
	}

	@Test
	void searchPathSetByANonTransactionalMigrationDoesNotReachTheNext() {
		this.files.write("V1__base.sql", "CREATE TABLE base (id int); CREATE SCHEMA other;")
			.write("V2__index.sql", "CREATE INDEX CONCURRENTLY base_idx ON base (id); SET search_path TO other;")
			.write("V3__fill.sql", "INSERT INTO base VALUES (1);");
		MigrateResult result = ratchet(this.db.dataSource()).migrate();
		assertThat(result.applied()).extracting(ExecutedMigration::transactional).containsExactly(true, false, true);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM app.base")).isOne();
	}

	@Test
	void historyIsWrittenAsTheMigrationUserAfterSetRole() {
		this.files.write("V1__owned.sql", "SET ROLE " + this.owner + "; CREATE TABLE owned (id int);")
			.write("V2__fill.sql", "INSERT INTO owned VALUES (1);");
		ratchet(this.db.dataSource()).migrate();
		assertThat(Sql.column(this.db, "SELECT tableowner FROM pg_tables WHERE tablename = 'owned'"))
			.containsExactly(this.owner);
		assertThat(Sql.column(this.db, "SELECT success FROM app.ratchet_history ORDER BY installed_rank"))
			.containsExactly("t", "t");
		assertThat(Sql.column(this.db, "SELECT installed_by FROM app.ratchet_history"))
			.doesNotContain(this.owner);
	}

	@Test
	void settingsAMigrationChangesDoNotReachTheNext() {
		this.files.write("V1__loose.sql", "CREATE TABLE t (id int); SET work_mem = '77MB'; SET enable_seqscan = off;")
			.write("V2__later.sql", "CREATE TABLE wm AS SELECT current_setting('work_mem') AS v, "
					+ "current_setting('enable_seqscan') AS seqscan;");
		ratchet(this.db.dataSource()).migrate();
		assertThat(Sql.column(this.db, "SELECT v || ' ' || seqscan FROM app.wm")).singleElement()
			.asString()
			.doesNotContain("77MB")
			.endsWith(" on");
	}

	@Test
	void plainDdlAndDmlMigrationsAreNotFollowedByAReadOfTheSessionsSettings() {
		this.files.write("V1__base.sql", "CREATE TABLE base (id int);")
			.write("V2__fill.sql", "INSERT INTO base VALUES (1); UPDATE base SET id = 2;")
			.write("V3__loose.sql", "SET work_mem = '77MB';")
			.write("V4__more.sql", "ALTER TABLE base ADD COLUMN name text; COMMENT ON TABLE base IS 'b';");
		RoundTripDataSource counting = new RoundTripDataSource(this.db.dataSource());
		ratchet(counting).migrate();
		// The lock and migration sessions read them when opened and when put back (4), the run once as it
		// starts, and after V3 only: not after V1, V2 and V4 (9 in all if they were).
		assertThat(counting.roundTrips("pg_settings")).isEqualTo(6);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM app.ratchet_history WHERE success")).isEqualTo(4);
	}

	@Test
	void aSessionIsReadAndSetUpInOneRoundTrip() {
		this.files.write("V1__base.sql", "CREATE TABLE base (id int);");
		ratchet(this.db.dataSource()).migrate();
		RoundTripDataSource counting = new RoundTripDataSource(this.db.dataSource());
		// nothing to apply: one session, no lock
		assertThat(ratchet(counting).migrate().applied()).isEmpty();
		// Opened (what the session had, read in the round trip that sets Ratchet's settings), then put back.
		assertThat(counting.sequence()).filteredOn((sql) -> sql.contains("pg_settings"))
			.hasSize(2)
			.first()
			.asString()
			.contains("set_config('application_name'");
		assertThat(counting.roundTrips("set_config('application_name'")).isEqualTo(1);
	}

	@Test
	void anErrorWhileTheSessionIsSetUpEndsTheConnectionRatherThanLeavingItOpen() {
		List<Connection> opened = new ArrayList<>();
		DataSource failing = new DelegatingDataSource(this.db.dataSource()) {

			@Override
			protected Connection wrap(Connection connection) {
				opened.add(connection);
				return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> {
							if (method.getName().equals("getAutoCommit")) {
								throw new AssertionError("thrown while the session is set up");
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
		assertThatThrownBy(() -> ratchet(failing).migrate()).isInstanceOf(AssertionError.class)
			.hasMessage("thrown while the session is set up");
		assertThat(opened).isNotEmpty().allSatisfy((connection) -> assertThat(connection.isClosed()).isTrue());
	}

	@Test
	void pooledConnectionComesBackWithTheApplicationsSettings() throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setDataSource(this.db.dataSource());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(2);
		config.setConnectionTimeout(2000);
		config.setConnectionInitSql("SET statement_timeout = '41s'; SET search_path TO public");
		try (HikariDataSource pool = new HikariDataSource(config)) {
			List<String> before = stateOfEveryPooledConnection(pool);
			assertThat(before).allMatch((state) -> state.contains("41s") && state.contains("public"));
			this.files.write("V1__item.sql", "CREATE TABLE item (id int);")
				.write("V2__owner.sql", "SET work_mem = '77MB'; SET search_path TO pg_catalog; SET ROLE " + this.owner + ";");
			ratchet(pool).migrate();
			assertThat(Sql.exists(this.db, "app.item")).isTrue();
			assertThat(stateOfEveryPooledConnection(pool)).isEqualTo(before);
		}
	}

	private static List<String> stateOfEveryPooledConnection(HikariDataSource pool) throws SQLException {
		return Sql.onEachPooledConnection(pool, 2, "SELECT concat_ws(' | ', current_user, current_setting('role'), "
				+ "current_setting('search_path'), current_setting('statement_timeout'), "
				+ "current_setting('work_mem'), current_setting('application_name'), "
				+ "current_setting('tcp_keepalives_idle'))");
	}

}
