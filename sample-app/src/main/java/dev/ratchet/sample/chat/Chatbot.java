package dev.ratchet.sample.chat;

import java.time.OffsetDateTime;

/**
 * A shop's chatbot with its current version.
 * @param id the id
 * @param shop the shop it answers for, such as {@code example.myshopify.com}
 * @param name its name, unique within the shop
 * @param currentVersion the number of its current version
 * @param systemPrompt the current version's system prompt
 * @param modelName the current version's model
 * @param createdAt when it was created
 */
public record Chatbot(long id, String shop, String name, int currentVersion, String systemPrompt, String modelName,
		OffsetDateTime createdAt) {
}
