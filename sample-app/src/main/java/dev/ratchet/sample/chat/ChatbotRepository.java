package dev.ratchet.sample.chat;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatbots and their versions, in the tables that migrations V2, V4 and V6 create.
 */
@Repository
public class ChatbotRepository {

	private static final String SELECT_CHATBOT = """
			SELECT c.id, c.shop, c.name, v.version_number AS current_version, v.system_prompt, v.model_name,
				c.created_at
			FROM chatbots c
			JOIN chatbot_versions v ON v.id = c.current_version_id
			""";

	private final JdbcClient jdbc;

	ChatbotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates a chatbot with its version 1, for its shop's creator (created on first use).
	 * @return the chatbot
	 */
	@Transactional
	public Chatbot create(String shop, String name, String systemPrompt, String modelName) {
		long id = this.jdbc.sql("""
				WITH creator AS (
					INSERT INTO creators (shop, name) VALUES (:shop, :shop)
					ON CONFLICT (shop) DO UPDATE SET name = creators.name
					RETURNING id
				)
				INSERT INTO chatbots (shop, name, creator_id) SELECT :shop, :name, id FROM creator RETURNING id
				""")
			.param("shop", shop)
			.param("name", name)
			.query(Long.class)
			.single();
		return addVersion(id, systemPrompt, modelName).orElseThrow();
	}

	/**
	 * Adds a version to a chatbot and makes it current: conversations started from now on use it.
	 * @return the chatbot, or empty if there is no such chatbot
	 */
	@Transactional
	public Optional<Chatbot> addVersion(long chatbotId, String systemPrompt, String modelName) {
		// the row lock makes concurrent new versions of one chatbot take turns
		boolean exists = this.jdbc.sql("SELECT id FROM chatbots WHERE id = :id FOR UPDATE")
			.param("id", chatbotId)
			.query(Long.class)
			.optional()
			.isPresent();
		if (!exists) {
			return Optional.empty();
		}
		long versionId = this.jdbc.sql("""
				INSERT INTO chatbot_versions (chatbot_id, version_number, system_prompt, model_name)
				SELECT :chatbotId, coalesce(max(version_number), 0) + 1, :systemPrompt, :modelName
				FROM chatbot_versions
				WHERE chatbot_id = :chatbotId
				RETURNING id
				""")
			.param("chatbotId", chatbotId)
			.param("systemPrompt", systemPrompt)
			.param("modelName", modelName)
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE chatbots SET current_version_id = :versionId WHERE id = :chatbotId")
			.param("versionId", versionId)
			.param("chatbotId", chatbotId)
			.update();
		return find(chatbotId);
	}

	/**
	 * Returns the chatbot with the given id, if any.
	 */
	public Optional<Chatbot> find(long id) {
		return this.jdbc.sql(SELECT_CHATBOT + "WHERE c.id = :id").param("id", id).query(Chatbot.class).optional();
	}

	/**
	 * Returns every chatbot, oldest first.
	 */
	public List<Chatbot> findAll() {
		return this.jdbc.sql(SELECT_CHATBOT + "ORDER BY c.id").query(Chatbot.class).list();
	}

	/**
	 * Returns a chatbot's activity, if there is such a chatbot.
	 */
	public Optional<ChatbotStats> stats(long chatbotId) {
		return this.jdbc.sql("SELECT * FROM chatbot_stats WHERE chatbot_id = :id")
			.param("id", chatbotId)
			.query(ChatbotStats.class)
			.optional();
	}

}
