package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Objects Ratchet does not own: partitions made at run time, tables a library creates for itself
 * ({@code ratchet.drift.ignore}), and drift detection turned off ({@code ratchet.drift.enabled}).
 */
class DriftOwnershipIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__events.sql", """
			CREATE TABLE event (id bigint, at date NOT NULL, body text) PARTITION BY RANGE (at);
			CREATE TABLE event_2026_01 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
			CREATE INDEX event_at_idx ON event (at);
			""").migrated();

	private Ratchet ratchet() {
		return this.db.ratchet();
	}

	@Test
	void partitionsMadeAtRunTimeAreNotDrift() {
		Sql.execute(this.db, """
				CREATE TABLE event_2026_02 PARTITION OF event FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
				CREATE TABLE event_2026_03 (LIKE event);
				ALTER TABLE event ATTACH PARTITION event_2026_03 FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
				DROP TABLE event_2026_01;
				""");
		assertThat(ratchet().drift().differences()).isEmpty();
	}

	@Test
	void aChangeToThePartitionedTableItselfIsStillDrift() {
		Sql.execute(this.db, "ALTER TABLE event ADD COLUMN source text");
		assertThat(ratchet().drift().differences()).extracting(SchemaDifference::name).containsExactly("event.source");
	}

	@Test
	void ignoredTablesAndWhatBelongsToThemAreNotDrift() {
		Sql.execute(this.db, """
				CREATE TABLE qrtz_locks (sched_name text, lock_name text, PRIMARY KEY (sched_name, lock_name));
				CREATE TABLE qrtz_triggers (sched_name text, trigger_name text);
				CREATE INDEX qrtz_triggers_idx ON qrtz_triggers (trigger_name);
				CREATE TABLE audit (id int);
				""");
		assertThat(ratchet().drift().differences()).extracting(SchemaDifference::name)
			.contains("qrtz_locks", "qrtz_triggers", "audit");
		List<SchemaDifference> differences = new Ratchet(this.db.configure()
			.driftIgnore(List.of("table:qrtz_*"))
			.build()).drift().differences();
		assertThat(differences).extracting(SchemaDifference::name).containsExactly("audit");
	}

	@Test
	void driftTurnedOffReportsNone() {
		Sql.execute(this.db, "ALTER TABLE event ADD COLUMN source text");
		Ratchet ratchet = new Ratchet(this.db.configure().driftEnabled(false).build());
		assertThat(ratchet.drift().isDrifted()).isFalse();
		this.db.files().write("V2__more.sql", "CREATE TABLE more (id int);");
		assertThat(ratchet.migrate().drift().isDrifted()).isFalse();
		assertThat(Sql.exists(this.db, "more")).isTrue();
	}

	@Test
	void anIgnorePatternOfAnUnknownKindIsRefusedAtStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Ratchet(this.db.configure().driftIgnore(List.of("tabel:qrtz_*")).build()))
			.withMessageContaining("tabel")
			.withMessageContaining("table, ");
	}

}
