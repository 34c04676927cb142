package dev.ratchet.data;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.KeysetTestMigration;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging over an id-keyed table on real PostgreSQL, alone and as the paging of a batched
 * migration ({@link KeysetTestMigration} pages with it).
 */
class KeysetBatchesIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void pagesThroughEveryIdOnceInIdOrderAcrossGapsAndNegativeIds() throws Exception {
		Sql.execute(this.db, """
				CREATE TABLE item (id bigint PRIMARY KEY);
				INSERT INTO item VALUES (-5), (3), (1), (1000), (7), (8), (0);""");
		KeysetBatches items = KeysetBatches.of("item");
		List<List<Long>> batches = new ArrayList<>();
		try (Connection connection = this.db.connect()) {
			String after = null;
			List<Long> batch;
			while (!(batch = items.next(connection, after, 3)).isEmpty()) {
				batches.add(batch);
				after = String.valueOf(batch.get(batch.size() - 1));
			}
		}
		assertThat(batches).containsExactly(List.of(-5L, 0L, 1L), List.of(3L, 7L, 8L), List.of(1000L));
	}

	@Test
	void pagesOverTheRowsMatchingTheConditionByTheNamedColumn() throws Exception {
		Sql.execute(this.db, """
				CREATE TABLE chatbot (chatbot_id bigint PRIMARY KEY, creator_id bigint);
				INSERT INTO chatbot SELECT g, CASE WHEN g % 3 = 0 THEN g END FROM generate_series(1, 12) g;""");
		KeysetBatches unassigned = KeysetBatches.of("chatbot")
			.idColumn("chatbot_id")
			.where("creator_id IS NULL OR creator_id > 100");
		try (Connection connection = this.db.connect()) {
			assertThat(unassigned.next(connection, null, 4)).containsExactly(1L, 2L, 4L, 5L);
			assertThat(unassigned.next(connection, "5", 4)).containsExactly(7L, 8L, 10L, 11L);
			assertThat(unassigned.next(connection, "11", 4)).isEmpty();
		}
	}

	@Test
	void findReturnsTheIdsStillThereWhateverTheCondition() throws Exception {
		Sql.execute(this.db, """
				CREATE TABLE item (id bigint PRIMARY KEY, done boolean NOT NULL);
				INSERT INTO item VALUES (1, true), (2, false), (4, true);""");
		try (Connection connection = this.db.connect()) {
			assertThat(KeysetBatches.of("item").where("NOT done").find(connection, List.of("4", "3", "1")))
				.containsExactly(1L, 4L);
		}
	}

	@Test
	void aBatchedMigrationPagedByItProcessesEveryRowOnce() {
		this.db.files().write("V1__items.sql", """
				CREATE TABLE item (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);
				INSERT INTO item (id) SELECT g * 2 FROM generate_series(1, 250) g;""");
		new Ratchet(this.db.configure().javaMigrations(new Touch()).build()).migrate();
		assertThat(Sql.column(this.db, "SELECT count(*) || ' ' || min(touched) || ' ' || max(touched) FROM item"))
			.containsExactly("250 1 1");
		assertThat(Sql.column(this.db, "SELECT processed || ' ' || batches || ' ' || last_key FROM ratchet_history_data"))
			.containsExactly("250 3 500");
	}

	private static final class Touch extends KeysetTestMigration {

		Touch() {
			super("1.1", "touch every item", "item", BatchOptions.defaults().withBatchSize(100));
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> ids) throws Exception {
			touch(context, ids);
		}

	}

}
