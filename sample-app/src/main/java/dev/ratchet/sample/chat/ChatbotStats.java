package dev.ratchet.sample.chat;

import java.time.OffsetDateTime;

/**
 * A chatbot's activity, read from the {@code chatbot_stats} view.
 * @param chatbotId the chatbot's id
 * @param shop the chatbot's shop
 * @param name the chatbot's name
 * @param currentVersion the number of the chatbot's current version
 * @param conversationCount how many conversations it had
 * @param messageCount how many messages those conversations hold
 * @param lastMessageAt when the latest message was written, or {@code null}
 */
public record ChatbotStats(long chatbotId, String shop, String name, int currentVersion, long conversationCount,
		long messageCount, OffsetDateTime lastMessageAt) {
}
