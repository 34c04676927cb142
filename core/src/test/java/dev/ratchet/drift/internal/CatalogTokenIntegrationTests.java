package dev.ratchet.drift.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.history.RatchetTable;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalog token kept with the snapshot: every kind of drift the full check reports changes it,
 * it is stored only with a snapshot that is the live schema, and a matching one spares the full
 * comparison.
 */
class CatalogTokenIntegrationTests {

	private static final List<String> RATCHET_TABLES = RatchetTable.tableNames("ratchet_history");

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__schema.sql", """
			CREATE SCHEMA other;
			CREATE TYPE other.mood AS ENUM ('ok', 'sad');
			CREATE TABLE other.parent (id int PRIMARY KEY);
			CREATE FUNCTION other.label() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
			CREATE TABLE session (
			    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    shop varchar(10) NOT NULL DEFAULT 'none',
			    expires timestamptz,
			    note varchar(10),
			    mood other.mood,
			    label text DEFAULT other.label(),
			    parent int REFERENCES other.parent (id),
			    CONSTRAINT shop_not_empty CHECK (shop <> '')
			);
			CREATE INDEX session_shop_idx ON session (shop);
			CREATE SEQUENCE ticket_seq;
			CREATE VIEW open_session AS SELECT id, shop FROM session WHERE expires IS NULL;
			CREATE MATERIALIZED VIEW shop_count AS SELECT shop, count(*) FROM session GROUP BY shop;
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE TRIGGER session_touch BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION touch();
			""").migrated();

	private String liveToken() throws SQLException {
		try (Connection connection = this.db.connect()) {
			return CatalogToken.read(connection, "public", RATCHET_TABLES);
		}
	}

	private String storedToken() {
		return Sql.column(this.db, "SELECT catalog_token FROM ratchet_history_snapshot").get(0);
	}

	@Test
	void aRunStoresTheTokenOfTheSchemaItLeft() throws SQLException {
		assertThat(storedToken()).isNotNull().isEqualTo(liveToken());
	}

	@Test
	void everyKindOfDriftChangesTheToken() throws SQLException {
		List<String> changes = List.of("ALTER TABLE session ADD COLUMN source text NOT NULL DEFAULT 'web'",
				"ALTER TABLE session DROP COLUMN expires CASCADE", "DROP INDEX session_shop_idx",
				"CREATE INDEX session_label_idx ON session (label)", "ALTER INDEX session_label_idx RENAME TO x_idx",
				"ALTER TABLE session ALTER COLUMN shop SET DEFAULT 'unknown'",
				"ALTER TABLE session ALTER COLUMN shop DROP DEFAULT", "ALTER TABLE session ALTER COLUMN label SET NOT NULL",
				"ALTER TABLE session ALTER COLUMN shop DROP NOT NULL",
				"ALTER TABLE session ALTER COLUMN note TYPE varchar(20)", "ALTER TABLE session RENAME COLUMN label TO tag",
				"ALTER TABLE session ADD CONSTRAINT tag_short CHECK (length(tag) < 100)",
				"ALTER TABLE session DROP CONSTRAINT shop_not_empty", "ALTER TABLE session ENABLE ROW LEVEL SECURITY",
				"ALTER TABLE session SET UNLOGGED", "ALTER SEQUENCE ticket_seq INCREMENT BY 5",
				"CREATE OR REPLACE VIEW open_session AS SELECT id, shop FROM session WHERE id > 0",
				"CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
				"DROP TRIGGER session_touch ON session",
				"CREATE TRIGGER session_touch AFTER INSERT ON session FOR EACH ROW EXECUTE FUNCTION touch()",
				"DROP MATERIALIZED VIEW shop_count", "CREATE TABLE extra (id int)", "ALTER TABLE extra RENAME TO extra2",
				"DROP TABLE extra2",
				// Names printed from another schema: a column's type, a default's function, a foreign key's column.
				"ALTER TYPE other.mood RENAME TO feeling", "ALTER FUNCTION other.label() RENAME TO tag",
				"ALTER TABLE other.parent RENAME COLUMN id TO parent_id");
		assertEachChangesTheTokenAndIsReportedAsDrift(changes);
	}

	// Each change in turn: the token changes, the check reports drift, and accepting it stores the new token.
	private void assertEachChangesTheTokenAndIsReportedAsDrift(List<String> changes) throws SQLException {
		for (String change : changes) {
			String before = liveToken();
			Sql.execute(this.db, change);
			assertThat(liveToken()).as(change).isNotEqualTo(before);
			assertThat(this.db.ratchet().drift().isDrifted()).as("drift after " + change).isTrue();
			this.db.ratchet().repair();
			assertThat(storedToken()).as("token after accepting " + change).isEqualTo(liveToken());
			assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		}
	}

	@Test
	void ddlInAnotherSchemaThatNoObjectHereRefersToLeavesTheTokenAlone() throws SQLException {
		// A tenant schema (Ratchet's tables make it one) and the unmanaged schema "other", on objects
		// that nothing in this schema refers to.
		Sql.execute(this.db, "CREATE SCHEMA tenant_1; CREATE TABLE tenant_1.ratchet_history (id int); "
				+ "CREATE TABLE tenant_1.orders (id int)");
		String before = liveToken();
		Sql.execute(this.db, "ALTER TABLE tenant_1.orders ADD COLUMN total int; CREATE TABLE tenant_1.items (id int); "
				+ "CREATE TABLE other.items (id int); ALTER TABLE other.items RENAME TO goods; "
				+ "CREATE TYPE other.size AS ENUM ('s', 'm')");
		assertThat(liveToken()).isEqualTo(before);
	}

	@Test
	void aChangeInAnotherSchemaToAnObjectThisSchemaRefersToChangesTheToken() throws SQLException {
		Sql.execute(this.db, "CREATE SCHEMA tenant_2; CREATE TABLE tenant_2.ratchet_history (id int); "
				+ "CREATE TABLE tenant_2.shop (id int PRIMARY KEY, name text); "
				+ "CREATE VIEW shop_name AS SELECT name FROM tenant_2.shop; "
				+ "CREATE TABLE visit (shop int REFERENCES tenant_2.shop (id))");
		this.db.ratchet().repair();
		List<String> changes = List.of("ALTER TABLE tenant_2.shop RENAME COLUMN name TO title",
				"ALTER TABLE tenant_2.shop RENAME TO store", "ALTER SCHEMA tenant_2 RENAME TO tenant_3");
		assertEachChangesTheTokenAndIsReportedAsDrift(changes);
	}

	@Test
	void aMatchingTokenSparesTheComparison() {
		// The objects are emptied behind Ratchet's back: only a check that trusts the token misses it.
		Sql.execute(this.db, "UPDATE ratchet_history_snapshot SET objects = '[]'");
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		Sql.execute(this.db, "UPDATE ratchet_history_snapshot SET catalog_token = NULL");
		assertThat(this.db.ratchet().drift().isDrifted()).isTrue();
	}

	@Test
	void aSnapshotThatKeepsDriftHasNoTokenAndTheDriftIsStillReported() {
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
		this.db.files().write("V2__shop.sql", "CREATE TABLE shop (id bigint);");
		assertThat(this.db.ratchet().migrate().drift().isDrifted()).isTrue();
		assertThat(storedToken()).isNull();
		assertThat(this.db.ratchet().migrate().drift().differences()).hasSize(1);
		assertThat(this.db.ratchet().drift().differences()).hasSize(1);
	}

	@Test
	void aChangeThatIsNoDriftIsComparedInFullOnceThenTheTokenIsKeptAgain() throws SQLException {
		String before = storedToken();
		Sql.execute(this.db, "TRUNCATE session");
		assertThat(liveToken()).isNotEqualTo(before);
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		assertThat(storedToken()).isEqualTo(liveToken()).isNotEqualTo(before);
	}

	@Test
	void aSnapshotTableWithoutTheTokenGainsIt() throws SQLException {
		Sql.execute(this.db, "ALTER TABLE ratchet_history_snapshot DROP COLUMN catalog_token");
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		assertThat(storedToken()).isEqualTo(liveToken());
		assertThat(this.db.ratchet().migrate().drift().isDrifted()).isFalse();
	}

	@Test
	void aDriftUndoneByHandGetsTheTokenBack() throws SQLException {
		Sql.execute(this.db, "CREATE TABLE by_hand (id int)");
		this.db.files().write("V2__shop.sql", "CREATE TABLE shop (id bigint);");
		this.db.ratchet().migrate();
		assertThat(storedToken()).isNull();
		Sql.execute(this.db, "DROP TABLE by_hand");
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		assertThat(storedToken()).isEqualTo(liveToken());
	}

	@Test
	void ddlCommittedAfterTheTokenWasReadIsComparedInFullNextTimeAndReportedOnlyIfTheSnapshotMissesIt()
			throws SQLException {
		SnapshotTable table = new SnapshotTable("\"public\".\"ratchet_history_snapshot\"");
		try (Connection connection = this.db.connect()) {
			// Between the token and the objects: the snapshot holds the change, so it is no drift.
			String token = CatalogToken.read(connection, "public", RATCHET_TABLES);
			Sql.execute(this.db, "ALTER TABLE session ADD COLUMN during_read text");
			table.write(connection, CatalogReader.read(connection, "public", RATCHET_TABLES), token);
			assertThat(storedToken()).isNotEqualTo(liveToken());
			assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
			assertThat(storedToken()).as("kept again after the full comparison").isEqualTo(liveToken());
			// Between the objects and the write: the snapshot misses the change, which is drift.
			token = CatalogToken.read(connection, "public", RATCHET_TABLES);
			SchemaSnapshot objects = CatalogReader.read(connection, "public", RATCHET_TABLES);
			Sql.execute(this.db, "ALTER TABLE session ADD COLUMN after_read text");
			table.write(connection, objects, token);
			assertThat(this.db.ratchet().drift().differences()).singleElement()
				.satisfies((difference) -> assertThat(difference.toString()).contains("after_read"));
		}
	}

	@Test
	void theSnapshotTheServerStoresIsTheOneReadHereWithItsToken() throws SQLException {
		SnapshotTable table = new SnapshotTable("\"public\".\"ratchet_history_snapshot\"");
		try (Connection connection = this.db.connect()) {
			Sql.execute(this.db, "ALTER TABLE session ADD COLUMN \"Odd \"\"name\"\"\" text DEFAULT 'it''s'");
			SchemaSnapshot read = CatalogReader.read(connection, "public", RATCHET_TABLES);
			table.writeLive(connection, "public", RATCHET_TABLES);
			SchemaSnapshot stored = table.readExisting(connection).snapshot();
			assertThat(stored.objects()).hasSize(read.objects().size())
				.containsExactlyInAnyOrderElementsOf(read.objects())
				.anySatisfy((object) -> assertThat(object.name()).isEqualTo("session.Odd \"name\""));
			assertThat(storedToken()).isEqualTo(liveToken());
			assertThat(Sql.column(this.db, "SELECT count(*) FROM ratchet_history_snapshot")).containsExactly("1");
			assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		}
	}

	@Test
	void anErrorBeforeTheSnapshotIsCommittedLeavesTheStoredOneAsItWas() throws SQLException {
		SnapshotTable table = new SnapshotTable("\"public\".\"ratchet_history_snapshot\"");
		String stored = storedToken();
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN made_by_hand text");
		try (Connection connection = this.db.connect()) {
			Connection failing = failingCommit(connection);
			SchemaSnapshot live = CatalogReader.read(connection, "public", RATCHET_TABLES);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> table.writeLive(failing, "public", RATCHET_TABLES));
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> table.write(failing, live, liveToken()));
			assertThat(connection.getAutoCommit()).isTrue();
		}
		// Setting auto-commit again would have committed either; both were rolled back first.
		assertThat(storedToken()).isEqualTo(stored);
		assertThat(this.db.ratchet().drift().differences()).singleElement()
			.satisfies((difference) -> assertThat(difference.toString()).contains("made_by_hand"));
	}

	private static Connection failingCommit(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("commit")) {
						throw new AssertionError("thrown by user code, say, before the commit");
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
