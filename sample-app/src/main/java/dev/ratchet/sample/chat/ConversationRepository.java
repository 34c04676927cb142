package dev.ratchet.sample.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations and their messages, in the tables that migrations V3 and V4 create.
 */
@Repository
public class ConversationRepository {

	private final JdbcClient jdbc;

	ConversationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts a conversation with the current version of a chatbot.
	 * @return the conversation, or empty if there is no such chatbot
	 */
	public Optional<Conversation> start(long chatbotId, String customerId) {
		return this.jdbc.sql("""
				WITH conversation AS (
					INSERT INTO conversations (chatbot_id, chatbot_version_id, customer_id)
					SELECT id, current_version_id, :customerId FROM chatbots WHERE id = :chatbotId
					RETURNING *
				)
				SELECT c.id, c.chatbot_id, v.version_number AS chatbot_version, c.customer_id, c.started_at
				FROM conversation c
				JOIN chatbot_versions v ON v.id = c.chatbot_version_id
				""")
			.param("chatbotId", chatbotId)
			.param("customerId", customerId)
			.query(Conversation.class)
			.optional();
	}

	/**
	 * Adds a message to a conversation.
	 * @return the message, or empty if there is no such conversation
	 */
	public Optional<Message> addMessage(long conversationId, String role, String content) {
		return this.jdbc.sql("""
				INSERT INTO messages (conversation_id, role, content)
				SELECT id, :role, :content FROM conversations WHERE id = :conversationId
				RETURNING id, conversation_id, role, content, created_at
				""")
			.param("conversationId", conversationId)
			.param("role", role)
			.param("content", content)
			.query(Message.class)
			.optional();
	}

	/**
	 * Returns the messages of a conversation, oldest first.
	 * @return the messages, or empty if there is no such conversation
	 */
	public Optional<List<Message>> messages(long conversationId) {
		boolean exists = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM conversations WHERE id = :id)")
			.param("id", conversationId)
			.query(Boolean.class)
			.single();
		if (!exists) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT id, conversation_id, role, content, created_at
				FROM messages
				WHERE conversation_id = :id
				ORDER BY created_at, id
				""").param("id", conversationId).query(Message.class).list());
	}

}
