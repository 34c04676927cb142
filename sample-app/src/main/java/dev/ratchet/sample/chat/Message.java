package dev.ratchet.sample.chat;

import java.time.OffsetDateTime;

/**
 * One message of a conversation.
 * @param id the id
 * @param conversationId the conversation's id
 * @param role {@code user}, {@code assistant} or {@code system}
 * @param content the text
 * @param createdAt when it was written
 */
public record Message(long id, long conversationId, String role, String content, OffsetDateTime createdAt) {
}
