package dev.ratchet.sample;

import java.util.concurrent.CountDownLatch;

import dev.ratchet.boot.data.SpringBatchedMigration;

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
		return new TitleConversations(2, gate, 0.05);
	}

}
