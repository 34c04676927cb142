package dev.ratchet.sample.creators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link AssignChatbotCreators} runs: tuned per environment, as a backfill on a busy production
 * database is.
 * @param batchSize chatbots per batch (and per transaction)
 * @param maxItemsPerSecond the throttle, 0 for none
 * @param maxFailedRatio the share of chatbots that may fail (recorded in the ledger) before the
 * migration fails
 */
@ConfigurationProperties("sample.backfill")
public record BackfillProperties(@DefaultValue("100") int batchSize, @DefaultValue("0") double maxItemsPerSecond,
		@DefaultValue("0.2") double maxFailedRatio) {
}
