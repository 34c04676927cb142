package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.drift.SchemaDifference.Change;
import dev.ratchet.drift.SchemaObjectKind;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drift: changes made to the schema outside Ratchet's migrations, found by comparing the live
 * catalog with the snapshot Ratchet keeps.
 */
class DriftIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__session.sql", """
			CREATE TABLE session (
			    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    shop text NOT NULL DEFAULT 'none',
			    expires timestamptz
			);
			CREATE INDEX session_shop_idx ON session (shop);
			""").migrated();

	@Test
	void noDriftRightAfterARun() {
		DriftReport drift = this.db.ratchet().drift();
		assertThat(drift.hasSnapshot()).isTrue();
		assertThat(drift.isDrifted()).isFalse();
	}

	@Test
	void namesOfEveryKindMatchTheirSnapshotAndARenameIsSeen() {
		// The unchanged case is decided by fingerprints computed on the server, in byte order: names
		// that sort differently by collation, with quotes, spaces and non-ASCII letters, must match.
		this.db.files().write("V2__odd_names.sql", """
				CREATE TABLE "Zeta" (id int PRIMARY KEY, "Ünïcode col" text, "a""quote" text);
				CREATE TABLE "alpha table" (id int);
				CREATE INDEX "ä idx" ON "Zeta" ("Ünïcode col");
				CREATE INDEX "B_idx" ON "alpha table" (id);
				""");
		this.db.ratchet().migrate();
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		Sql.execute(this.db, "ALTER INDEX \"ä idx\" RENAME TO \"å idx\"");
		assertThat(this.db.ratchet().drift().differences()).extracting(SchemaDifference::toString)
			.hasSize(2)
			.anySatisfy((d) -> assertThat(d).contains("ä idx", "removed"))
			.anySatisfy((d) -> assertThat(d).contains("å idx", "added"));
	}

	@Test
	void columnAddedByHandIsReported() {
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text NOT NULL DEFAULT 'web'");
		assertThat(this.db.ratchet().drift().differences()).containsExactly(new SchemaDifference(SchemaObjectKind.COLUMN,
				"session.source", Change.ADDED, null, "text NOT NULL DEFAULT 'web'::text"));
	}

	@Test
	void indexDroppedByHandIsReported() {
		Sql.execute(this.db, "DROP INDEX session_shop_idx");
		assertThat(this.db.ratchet().drift().differences()).containsExactly(new SchemaDifference(SchemaObjectKind.INDEX,
				"session_shop_idx", Change.REMOVED,
				"CREATE INDEX session_shop_idx ON public.session USING btree (shop)", null));
	}

	@Test
	void defaultChangedByHandIsReported() {
		Sql.execute(this.db, "ALTER TABLE session ALTER COLUMN shop SET DEFAULT 'unknown'");
		assertThat(this.db.ratchet().drift().differences()).containsExactly(new SchemaDifference(SchemaObjectKind.COLUMN,
				"session.shop", Change.CHANGED, "text NOT NULL DEFAULT 'none'::text",
				"text NOT NULL DEFAULT 'unknown'::text"));
	}

	@Test
	void tableDroppedByHandIsOneDifference() {
		Sql.execute(this.db, "DROP TABLE session");
		assertThat(this.db.ratchet().drift().differences()).extracting(SchemaDifference::toString)
			.containsExactly("table session removed (was: table)");
	}

	@Test
	void ratchetsOwnMigrationsNeverCountAsDriftAndDriftMadeByHandStays() {
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
		this.db.files().write("V2__everything.sql", """
				CREATE TABLE shop (id bigserial PRIMARY KEY, name text UNIQUE);
				ALTER TABLE session ADD COLUMN shop_id bigint REFERENCES shop, ALTER COLUMN shop DROP DEFAULT;
				DROP INDEX session_shop_idx;
				CREATE INDEX session_expires_idx ON session (expires) WHERE expires IS NOT NULL;
				CREATE VIEW live_session AS SELECT id, shop FROM session WHERE expires > now();
				CREATE MATERIALIZED VIEW shop_count AS SELECT count(*) FROM shop;
				CREATE SEQUENCE invoice_no START 1000;
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE TRIGGER session_touch BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION touch();
				ALTER TABLE session ENABLE ROW LEVEL SECURITY;
				""").write("R__shop_names.sql", "CREATE OR REPLACE VIEW shop_names AS SELECT name FROM shop;");
		MigrateResult result = this.db.ratchet().migrate();
		assertThat(result.appliedCount()).isEqualTo(2);
		List<String> handMade = List.of("column session.source added: text");
		assertThat(result.drift().differences()).extracting(SchemaDifference::toString).isEqualTo(handMade);
		assertThat(this.db.ratchet().drift().differences()).extracting(SchemaDifference::toString).isEqualTo(handMade);
		this.db.files().write("V3__drop_source.sql", "ALTER TABLE session DROP COLUMN source;");
		this.db.ratchet().migrate();
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
	}

	@Test
	void failedRunStillRecordsWhatItApplied() {
		this.db.files().write("V2__shop.sql", "CREATE TABLE shop (id bigint);")
			.write("V3__broken.sql", "CREATE TABLE broken (id bigint REFERENCES nowhere);");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate());
		assertThat(Sql.exists(this.db, "shop")).isTrue();
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
	}

	@Test
	void repairAcceptsDrift() {
		Sql.execute(this.db, "CREATE INDEX session_expires_idx ON session (expires)");
		RepairResult repair = this.db.ratchet().repair();
		assertThat(repair.acceptedDrift()).extracting(SchemaDifference::name).containsExactly("session_expires_idx");
		assertThat(repair.isNothingToRepair()).isFalse();
		assertThat(this.db.ratchet().drift().isDrifted()).isFalse();
		assertThat(this.db.ratchet().repair().isNothingToRepair()).isTrue();
	}

	@Test
	void startUpWithNothingPendingComparesUnlessToldToCompareLater() {
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
		Ratchet later = new Ratchet(this.db.configure().driftCheckAtStartup(false).build());
		MigrateResult deferred = later.migrateUntilBackground();
		assertThat(deferred.drift().hasSnapshot()).isFalse();
		assertThat(deferred.drift().isDrifted()).isFalse();
		assertThat(later.drift().differences()).extracting(SchemaDifference::toString)
			.containsExactly("column session.source added: text");
		assertThat(this.db.ratchet().migrateUntilBackground().drift().differences())
			.extracting(SchemaDifference::toString)
			.containsExactly("column session.source added: text");
	}

	@Test
	void startUpThatComparesLaterStillTakesTheFirstSnapshot() {
		Sql.execute(this.db, "DELETE FROM ratchet_history_snapshot");
		Ratchet later = new Ratchet(this.db.configure().driftCheckAtStartup(false).build());
		later.migrateUntilBackground();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_snapshot")).isEqualTo(1);
		assertThat(later.drift().hasSnapshot()).isTrue();
		assertThat(later.drift().isDrifted()).isFalse();
	}

	@Test
	void snapshotIsNotRewrittenWhenNothingWasApplied() {
		String takenOn = Sql.column(this.db, "SELECT taken_on FROM ratchet_history_snapshot").get(0);
		assertThat(this.db.ratchet().migrate().appliedCount()).isZero();
		assertThat(Sql.column(this.db, "SELECT taken_on FROM ratchet_history_snapshot")).containsExactly(takenOn);
	}

	@Test
	void snapshotIsOneReadableRowWithoutRatchetsOwnTables() {
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history_snapshot")).isEqualTo(1);
		assertThat(Sql.column(this.db, "SELECT o->>'kind' || ' ' || (o->>'name') FROM ratchet_history_snapshot, "
				+ "jsonb_array_elements(objects) o ORDER BY 1")).containsExactly("COLUMN session.expires",
						"COLUMN session.id", "COLUMN session.shop", "CONSTRAINT session.session_pkey",
						"INDEX session_shop_idx", "SEQUENCE session_id_seq", "TABLE session");
	}

	@Test
	void driftBeforeARunIsInTheMigrateResult() {
		Sql.execute(this.db, "ALTER TABLE session ALTER COLUMN expires SET NOT NULL");
		this.db.files().write("V2__shop.sql", "CREATE TABLE shop (id bigint);");
		assertThat(this.db.ratchet().migrate().drift().differences()).extracting(SchemaDifference::toString)
			.containsExactly("column session.expires changed from timestamp with time zone to timestamp with time "
					+ "zone NOT NULL");
	}

}
