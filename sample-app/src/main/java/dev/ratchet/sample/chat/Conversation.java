package dev.ratchet.sample.chat;

import java.time.OffsetDateTime;

/**
 * A conversation between a chatbot and a customer.
 * @param id the id
 * @param chatbotId the chatbot's id
 * @param chatbotVersion the number of the chatbot version that answers in it
 * @param customerId the customer, or {@code null} when anonymous
 * @param startedAt when it started
 */
public record Conversation(long id, long chatbotId, int chatbotVersion, String customerId, OffsetDateTime startedAt) {
}
