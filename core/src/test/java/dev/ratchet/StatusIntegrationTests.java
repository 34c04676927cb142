package dev.ratchet;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading where the schema stands, as health checks and the endpoint do many times a second: the
 * lean read path behind {@link Ratchet#status()} and {@link Ratchet#inspect()}.
 */
class StatusIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__a.sql", "CREATE TABLE a (id int);")
		.withMigration("V2__b.sql", "CREATE TABLE b (id int);");

	private Ratchet ratchet(RatchetConfiguration.Builder builder) {
		return new Ratchet(builder.locations(this.db.files().location()).build());
	}

	@Test
	void inspectReportsTheSessionHoldingTheLock() throws Exception {
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()));
		ratchet.migrate();
		assertThat(ratchet.inspect().isLocked()).isFalse();
		try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'deploy-job-7'");
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
			Inspection inspection = ratchet.inspect();
			assertThat(inspection.isLocked()).isTrue();
			assertThat(inspection.lockHolder().applicationName()).isEqualTo("deploy-job-7");
			assertThat(inspection.lockHolder().pid()).isPositive();
			assertThat(inspection.lockHolder().since()).isNotNull();
			assertThat(inspection.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
		}
	}

	@Test
	void inspectIgnoresTheSameLockInAnotherDatabase() throws Exception {
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()));
		ratchet.migrate();
		try (TestDatabase.Db other = TestDatabase.createDatabase(); Connection holder = other.connect();
				Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
			assertThat(ratchet.inspect().isLocked()).isFalse();
		}
	}

	@Test
	void inspectWithoutHistoryTableReportsEverythingPendingAndTheLockHolder() throws Exception {
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()));
		try (Connection holder = this.db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
			Inspection inspection = ratchet.inspect();
			assertThat(inspection.isLocked()).isTrue();
			assertThat(inspection.status().pendingCount()).isEqualTo(2);
			assertThat(inspection.status().status()).isEqualTo(SchemaStatus.PENDING);
		}
	}

	@Test
	void statusWithoutHistoryInANonEmptySchemaReportsTheUnknownSchema() {
		Sql.execute(this.db, "CREATE TABLE legacy (id int)");
		StatusReport report = ratchet(RatchetConfiguration.builder(this.db.dataSource())).status();
		assertThat(report.status()).isEqualTo(SchemaStatus.INVALID);
		assertThat(report.problems()).singleElement().asString().contains("already holds 1 object (legacy)");
	}

	@Test
	void statusReflectsWhatAnotherInstanceAppliedSince() {
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()));
		assertThat(ratchet.status().pendingCount()).isEqualTo(2);
		ratchet(RatchetConfiguration.builder(this.db.dataSource())).migrate();
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
		assertThat(ratchet.status().currentVersion()).hasToString("2");
	}

	@Test
	void statusReadsAConfiguredSchemaAndTable() {
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).schema("Chat Ops").table("History"));
		assertThat(ratchet.status().pendingCount()).isEqualTo(2);
		ratchet.migrate();
		StatusReport report = ratchet.status();
		assertThat(report.schema()).isEqualTo("Chat Ops");
		assertThat(report.table()).isEqualTo("History");
		assertThat(report.status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void statusUsesTheConnectionsCurrentSchemaWhenNoneIsConfigured() {
		Sql.execute(this.db, "CREATE SCHEMA app");
		PGSimpleDataSource dataSource = (PGSimpleDataSource) this.db.dataSource();
		dataSource.setCurrentSchema("app");
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(dataSource));
		ratchet.migrate();
		assertThat(ratchet.status().schema()).isEqualTo("app");
		assertThat(ratchet.status().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
		assertThat(Sql.exists(this.db, "app.ratchet_history")).isTrue();
	}

	@Test
	void statusWithoutACurrentSchemaSaysToConfigureOne() {
		PGSimpleDataSource dataSource = (PGSimpleDataSource) this.db.dataSource();
		dataSource.setCurrentSchema("nowhere");
		assertThatExceptionOfType(RatchetException.class)
			.isThrownBy(() -> ratchet(RatchetConfiguration.builder(dataSource)).status())
			.withMessageContaining("no current schema")
			.withMessageContaining("ratchet.schema");
	}

	@Test
	void statusLeavesAConnectionWithoutAutoCommitAsItWas() throws Exception {
		SingleConnectionDataSource single = new SingleConnectionDataSource(this.db.connect());
		single.connection().setAutoCommit(false);
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(single).schema("missing"));
		assertThat(ratchet.inspect().status().pendingCount()).isEqualTo(2);
		assertThat(single.connection().getAutoCommit()).isFalse();
		try (Statement statement = single.connection().createStatement()) {
			statement.execute("SELECT 1");
		}
		single.connection().rollback();
		single.connection().close();
	}

	@Test
	void everyStatusReadIsAnEventAndEveryRunStartsWithOne() {
		List<MigrationEvent> events = new CopyOnWriteArrayList<>();
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).listeners(events::add));
		ratchet.status();
		ratchet.migrate();
		ratchet.inspect();
		assertThat(events).first()
			.isInstanceOfSatisfying(MigrationEvent.StatusChecked.class,
					(checked) -> assertThat(checked.report().pendingCount()).isEqualTo(2));
		assertThat(events).element(1).isInstanceOf(MigrationEvent.RunStarted.class);
		assertThat(events).last()
			.isInstanceOfSatisfying(MigrationEvent.StatusChecked.class,
					(checked) -> assertThat(checked.report().status()).isEqualTo(SchemaStatus.UP_TO_DATE));
	}

}
