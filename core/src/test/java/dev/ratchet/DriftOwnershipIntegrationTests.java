package dev.ratchet;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Objects Ratchet does not own: partitions made at run time, tables a library creates for itself
 * ({@code ratchet.drift.ignore}), and drift detection turned off ({@code ratchet.drift.enabled}).
 */
class DriftOwnershipIntegrationTests {

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private MigrationFiles files;

	@BeforeEach
	void migrate() {
		this.db = TestDatabase.createDatabase();
		this.files = new MigrationFiles(this.dir).write("V1__events.sql", """
				CREATE TABLE event (id bigint, at date NOT NULL, body text) PARTITION BY RANGE (at);
				CREATE TABLE event_2026_01 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
				CREATE INDEX event_at_idx ON event (at);
				""");
		ratchet(RatchetConfiguration.builder(this.db.dataSource())).migrate();
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	private Ratchet ratchet(RatchetConfiguration.Builder builder) {
		return new Ratchet(builder.locations(this.files.location()).build());
	}

	private Ratchet ratchet() {
		return ratchet(RatchetConfiguration.builder(this.db.dataSource()));
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
		List<SchemaDifference> differences = ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.driftIgnore(List.of("table:qrtz_*"))).drift().differences();
		assertThat(differences).extracting(SchemaDifference::name).containsExactly("audit");
	}

	@Test
	void driftTurnedOffReportsNone() {
		Sql.execute(this.db, "ALTER TABLE event ADD COLUMN source text");
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).driftEnabled(false));
		assertThat(ratchet.drift().isDrifted()).isFalse();
		this.files.write("V2__more.sql", "CREATE TABLE more (id int);");
		assertThat(ratchet.migrate().drift().isDrifted()).isFalse();
		assertThat(Sql.exists(this.db, "more")).isTrue();
	}

	@Test
	void anIgnorePatternOfAnUnknownKindIsRefusedAtStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ratchet(RatchetConfiguration.builder(this.db.dataSource())
				.driftIgnore(List.of("tabel:qrtz_*"))))
			.withMessageContaining("tabel")
			.withMessageContaining("table, ");
	}

}
