package dev.ratchet.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.data.FailedItem;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DDL Ratchet ships creates its tables on a real PostgreSQL as is, and Ratchet reads them by
 * column name.
 */
class RatchetTablesIntegrationTests {

	private static final String SCHEMA = "chat ops";

	private static final String TABLE = "Migration \"Log\"";

	@TempDir
	Path dir;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@BeforeEach
	void createDatabase() {
		Sql.execute(this.db, "CREATE SCHEMA " + RatchetTable.quote(SCHEMA));
	}

	@Test
	void eachShippedResourceCreatesItsTableAsIsAndAgainWithoutHarm() throws Exception {
		for (RatchetTable table : RatchetTable.values()) {
			String qualified = table.qualifiedName(SCHEMA, TABLE);
			String ddl = resource(table).replace(RatchetTable.PLACEHOLDER, qualified);
			Sql.execute(this.db, ddl);
			Sql.execute(this.db, ddl);
			assertThat(Sql.exists(this.db, qualified.replace("'", "''"))).as(qualified).isTrue();
		}
		assertThat(Sql.column(this.db, "SELECT relname FROM pg_class WHERE relnamespace = '\"chat ops\"'::regnamespace "
				+ "AND relkind = 'r' ORDER BY relname"))
			.containsExactly("Migration \"Log\"", "Migration \"Log\"_data", "Migration \"Log\"_data_claims",
					"Migration \"Log\"_data_failures", "Migration \"Log\"_snapshot");
	}

	@Test
	void historyIsWrittenAndReadBackByColumnName() throws SQLException {
		HistoryTable history = new HistoryTable(SCHEMA, TABLE);
		try (Connection connection = this.db.connect()) {
			history.create(connection);
			MigrationDescriptor migration = new MigrationDescriptor(MigrationVersion.parse("1.2"), "add chats",
					MigrationType.SQL, "V1.2__add_chats.sql", "abc123");
			int rank = history.insert(connection, migration, 17, null);
			history.insert(connection, new MigrationDescriptor(MigrationVersion.parse("2"), "broken",
					MigrationType.SQL, "V2__broken.sql", "def"), 3, "syntax error");
			List<AppliedMigration> rows = history.read(connection);
			assertThat(rank).isEqualTo(1);
			assertThat(rows).hasSize(2);
			AppliedMigration first = rows.get(0);
			assertThat(first.installedRank()).isEqualTo(1);
			assertThat(first.version()).isEqualTo(MigrationVersion.parse("1.2"));
			assertThat(first.description()).isEqualTo("add chats");
			assertThat(first.type()).isEqualTo(MigrationType.SQL);
			assertThat(first.script()).isEqualTo("V1.2__add_chats.sql");
			assertThat(first.checksum()).isEqualTo("abc123");
			assertThat(first.installedBy()).isEqualTo(this.db.username());
			assertThat(first.installedOn()).isNotNull();
			assertThat(first.executionTimeMs()).isEqualTo(17);
			assertThat(first.success()).isTrue();
			assertThat(first.failure()).isNull();
			assertThat(rows.get(1).success()).isFalse();
			assertThat(rows.get(1).failure()).isEqualTo("syntax error");
		}
	}

	@Test
	void aHistoryTableWithItsColumnsInAnotherOrderIsReadByName() throws SQLException {
		Sql.execute(this.db, "CREATE TABLE " + RatchetTable.HISTORY.qualifiedName(SCHEMA, TABLE) + """
				 (failure text, success boolean NOT NULL, execution_time integer NOT NULL,
				  installed_on timestamptz NOT NULL DEFAULT now(), installed_by text NOT NULL DEFAULT current_user,
				  checksum text, script text NOT NULL, type text NOT NULL, description text NOT NULL, version text,
				  installed_rank integer PRIMARY KEY, note text)""");
		HistoryTable history = new HistoryTable(SCHEMA, TABLE);
		try (Connection connection = this.db.connect()) {
			history.insert(connection, new MigrationDescriptor(MigrationVersion.parse("3"), "three", MigrationType.JAVA,
					"dev.example.V3__three", null), 5, null);
			AppliedMigration row = history.read(connection).get(0);
			assertThat(row.version()).isEqualTo(MigrationVersion.parse("3"));
			assertThat(row.type()).isEqualTo(MigrationType.JAVA);
			assertThat(row.script()).isEqualTo("dev.example.V3__three");
			assertThat(row.executionTimeMs()).isEqualTo(5);
		}
	}

	@Test
	void dataTablesAreWrittenAndReadBackByColumnName() throws SQLException {
		HistoryTable history = new HistoryTable(SCHEMA, TABLE);
		ProgressTable progress = new ProgressTable(history);
		FailedItemsTable failures = new FailedItemsTable(history);
		MigrationVersion version = MigrationVersion.parse("4");
		try (Connection connection = this.db.connect()) {
			progress.create(connection);
			failures.create(connection);
			progress.start(connection, new MigrationDescriptor(version, "backfill", MigrationType.JAVA, "V4", null));
			progress.setTotal(connection, version, 10);
			progress.recordBatch(connection, version, "7", 6, 40);
			failures.recordFailures(connection, version, Map.of("3", "bad row"));
			ProgressTable.Progress read = progress.read(connection, version);
			assertThat(read.state()).isEqualTo("RUNNING");
			assertThat(read.lastKey()).isEqualTo("7");
			assertThat(read.processed()).isEqualTo(6);
			assertThat(read.batches()).isEqualTo(1);
			assertThat(read.total()).isEqualTo(10L);
			assertThat(read.elapsedMs()).isEqualTo(40);
			assertThat(read.failed()).isEqualTo(1);
			assertThat(progress.readAll(connection)).containsEntry(version, read);
			List<FailedItem> items = failures.page(connection, version, null, 0, 10).items();
			assertThat(items).singleElement().satisfies((item) -> {
				assertThat(item.key()).isEqualTo("3");
				assertThat(item.error()).isEqualTo("bad row");
				assertThat(item.attempts()).isEqualTo(1);
			});
			assertThat(failures.failedKeys(connection, version, null, 10)).containsExactly("3");
			assertThat(failures.versionsWithFailures(connection)).containsExactly(version);
		}
	}

	@Test
	void theLongestAllowedHistoryTableNameKeepsEveryTableApart() throws SQLException {
		String table = "h".repeat(RatchetTable.MAX_IDENTIFIER_BYTES - "_data_failures".length());
		MigrationFiles files = new MigrationFiles(this.dir).write("V1__a.sql", "CREATE TABLE a (id int);");
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(files.location())
			.table(table)
			.build());
		ratchet.migrate();
		try (Connection connection = this.db.connect(); Statement statement = connection.createStatement()) {
			new ProgressTable(new HistoryTable("public", table)).create(connection);
			new FailedItemsTable(new HistoryTable("public", table)).create(connection);
			new ClaimsTable(new HistoryTable("public", table)).create(connection);
		}
		assertThat(Sql.column(this.db, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
				+ "AND relkind = 'r' AND relname LIKE 'hhh%' ORDER BY relname"))
			.containsExactlyElementsOf(RatchetTable.tableNames(table).stream().sorted().toList());
		assertThat(ratchet.drift().differences()).isEmpty();
	}

	private static String resource(RatchetTable table) throws IOException {
		try (InputStream in = RatchetTable.class.getResourceAsStream(table.resourceName())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
