package dev.ratchet;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.Await;
import dev.ratchet.test.CountingDataSource;
import dev.ratchet.test.DelegatingDataSource;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Ratchet#prepare()}: the files read and the first connection opened ahead of the run, and
 * nothing of it hiding what the run must report.
 */
class PrepareIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__init.sql", "CREATE TABLE item (id int);");

	@Test
	void opensAndClosesAConnectionAheadOfTheRun() throws Exception {
		CountingDataSource counting = new CountingDataSource(this.db.dataSource());
		Ratchet ratchet = new Ratchet(this.db.configure().build().toBuilder(counting).build());
		ratchet.prepare();
		Await.until(() -> counting.borrowed() == 1 && counting.peak() == 1);
		// status() waits for the files being read, if they still are
		assertThat(ratchet.status().pendingCount()).isEqualTo(1);
		assertThat(ratchet.migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.exists(this.db, "item")).isTrue();
	}

	@Test
	void unusableFilesFailTheRunNotPrepareAndAreReadAgainOnceFixed() {
		this.db.files().write("V1__again.sql", "CREATE TABLE again (id int);");
		Ratchet ratchet = this.db.ratchet();
		ratchet.prepare();
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("have the same version 1")
			.withMessageContaining("V1__again.sql")
			.withMessageContaining("V1__init.sql");
		this.db.files().delete("V1__again.sql");
		assertThat(ratchet.migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.exists(this.db, "item")).isTrue();
	}

	@Test
	void aDatabaseThatCannotBeReachedFailsTheRunNotPrepare() {
		DataSource unreachable = new DelegatingDataSource(this.db.dataSource()) {
			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("Connection refused", "08001");
			}
		};
		Ratchet ratchet = new Ratchet(this.db.configure().build().toBuilder(unreachable).build());
		ratchet.prepare();
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("Connection refused");
	}

}
