package dev.ratchet.sample;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.KeysetBatches;

/**
 * A background data migration for the sample app's tests, version 8: titles the demo conversations
 * {@code batchSize} at a time; the second batch waits at the {@code gate}, and each batch then
 * takes {@code pauseSeconds} more.
 */
final class TitleConversations implements SpringBatchedMigration<Long> {

	private final int batchSize;

	private final CountDownLatch gate;

	private final double pauseSeconds;

	private int batches;

	TitleConversations(int batchSize, CountDownLatch gate, double pauseSeconds) {
		this.batchSize = batchSize;
		this.gate = gate;
		this.pauseSeconds = pauseSeconds;
	}

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
		return BatchOptions.defaults().withBatchSize(this.batchSize).withBackground(true);
	}

	@Override
	public OptionalLong total(JdbcMigrationContext context) {
		return OptionalLong.of(context.jdbcClient().sql("SELECT count(*) FROM conversations").query(Long.class).single());
	}

	@Override
	public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) throws SQLException {
		return KeysetBatches.of("conversations").next(context.connection(), after, limit);
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
			this.gate.await(60, TimeUnit.SECONDS);
		}
		if (this.pauseSeconds > 0) {
			context.jdbcClient().sql("SELECT pg_sleep(:seconds)").param("seconds", this.pauseSeconds).query().singleRow();
		}
	}

}
