package dev.ratchet.sample;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.BatchOptions;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One more data migration for the sample app, a background one slow enough to press buttons on:
 * titles the demo conversations two at a time, each batch taking a little while, the second one
 * waiting at the {@link #gate}.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlowBackfill {

	/** Holds the second batch until a test lets it go. */
	static final CountDownLatch gate = new CountDownLatch(1);

	@Bean
	SpringBatchedMigration<Long> titleConversationsSlowly() {
		return new SpringBatchedMigration<>() {

			private int batches;

			@Override
			public String version() {
				return "8";
			}

			@Override
			public String description() {
				return "title conversations";
			}

			@Override
			public BatchOptions options() {
				return BatchOptions.defaults().withBatchSize(2).withBackground(true);
			}

			@Override
			public OptionalLong total(JdbcMigrationContext context) {
				return OptionalLong
					.of(context.jdbcClient().sql("SELECT count(*) FROM conversations").query(Long.class).single());
			}

			@Override
			public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) {
				return context.jdbcClient()
					.sql("SELECT id FROM conversations WHERE id > :after ORDER BY id LIMIT :limit")
					.param("after", (after != null) ? Long.parseLong(after) : 0)
					.param("limit", limit)
					.query(Long.class)
					.list();
			}

			@Override
			public String keyOf(Long id) {
				return String.valueOf(id);
			}

			@Override
			public void processBatch(JdbcMigrationContext context, List<Long> ids) throws InterruptedException {
				context.jdbcClient()
					.sql("UPDATE conversations SET metadata = metadata || '{\"title\": \"Demo\"}' WHERE id IN (:ids)")
					.param("ids", ids)
					.update();
				if (++this.batches == 2) {
					gate.await(60, TimeUnit.SECONDS);
				}
				context.jdbcClient().sql("SELECT pg_sleep(0.05)").query().singleRow();
			}

		};
	}

}
