package dev.ratchet.sample;

import java.util.List;
import java.util.Map;

import dev.ratchet.sample.chat.Chatbot;
import dev.ratchet.sample.chat.Conversation;
import dev.ratchet.sample.chat.Message;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starts the sample app on real PostgreSQL, as its users run it, and uses its REST API and actuator.
 * The database is the app's own embedded PostgreSQL, or a fresh database on the server named by
 * {@code RATCHET_TEST_JDBC_URL} when the build gives one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SampleApplicationIntegrationTests extends ExternalDatabaseTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void startUpAppliesEveryMigrationOnce() {
		List<Map<String, Object>> history = this.jdbc
			.sql("SELECT version, type, script, success FROM ratchet_history ORDER BY installed_rank")
			.query()
			.listOfRows();
		assertThat(history).extracting((row) -> row.get("script"))
			.containsExactly("V1__create_session_table.sql", "V2__create_chatbots.sql",
					"V3__create_conversations_and_messages.sql", "V4__add_chatbot_versions.sql",
					"V5__index_messages_concurrently.sql", "dev.ratchet.sample.creators.DemoShops",
					"V6__add_chatbot_creators.sql", "dev.ratchet.sample.creators.AssignChatbotCreators",
					"V7__require_chatbot_creators.sql", "R__chatbot_stats_view.sql");
		assertThat(history).extracting((row) -> row.get("version"))
			.containsExactly("1", "2", "3", "4", "5", "5.1", "6", "6.2", "7", null);
		assertThat(history).extracting((row) -> row.get("type"))
			.containsExactly("SQL", "SQL", "SQL", "SQL", "SQL", "JAVA", "SQL", "JAVA", "SQL", "REPEATABLE");
		assertThat(history).allSatisfy((row) -> assertThat(row.get("success")).isEqualTo(true));
	}

	@Test
	void backfillAssignedEveryDemoChatbotWhoseCreatorHasAUserAndRecordedTheOthers() {
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM chatbots b JOIN chatbot_versions v ON v.chatbot_id = b.id
				WHERE b.shop LIKE 'demo-%' AND b.creator_id IS NOT NULL AND v.created_by LIKE 'owner@%'
				""").query(Long.class).single()).isEqualTo(90);
		List<Map<String, Object>> ledger = this.jdbc
			.sql("SELECT version, item_key, error FROM ratchet_history_data_failures ORDER BY item_key::bigint")
			.query()
			.listOfRows();
		assertThat(ledger).hasSize(10).allSatisfy((row) -> assertThat(row.get("version")).isEqualTo("6.2"));
		assertThat(ledger.get(0).get("item_key")).isEqualTo("46");
		assertThat(ledger.get(0).get("error")).asString()
			.matches("creator \\d+ of shop demo-10.myshopify.com has no associated user");
		assertThat(this.jdbc.sql("SELECT state || ' ' || processed || ' ' || total FROM ratchet_history_data")
			.query(String.class)
			.single()).isEqualTo("COMPLETED 90 100");
	}

	@Test
	void endpointShowsTheBackfillAndTheChatbotsItCouldNotMigrate() {
		RestChecks.getOk(this.client, "/actuator/migrations")
			.jsonPath("$.status").isEqualTo("UP_TO_DATE")
			.jsonPath("$.dataMigrations[0].version").isEqualTo("6.2")
			.jsonPath("$.dataMigrations[0].state").isEqualTo("COMPLETED")
			.jsonPath("$.dataMigrations[0].processed").isEqualTo(90)
			.jsonPath("$.dataMigrations[0].failed").isEqualTo(10)
			.jsonPath("$.dataMigrations[0].total").isEqualTo(100)
			.jsonPath("$.dataMigrations[0].failedItems.length()").isEqualTo(10)
			.jsonPath("$.dataMigrations[0].failedItems[0].error").value(String.class,
					(error) -> assertThat(error).endsWith("has no associated user"));
	}

	@Test
	void chatbotsCannotLoseTheirCreatorOnceTheBackfillIsDone() {
		Chatbot chatbot = post("/chatbots", Map.of("shop", "creators.myshopify.com", "name", "Support", "systemPrompt",
				"You answer questions about orders.", "modelName", "gpt-4o-mini"), Chatbot.class);
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.sql("UPDATE chatbots SET creator_id = NULL WHERE id = :id")
			.param("id", chatbot.id())
			.update()).withMessageContaining("chatbots_creator_id_not_null");
	}

	@Test
	void concurrentlyBuiltIndexIsValid() {
		Boolean valid = this.jdbc.sql("""
				SELECT i.indisvalid FROM pg_index i
				WHERE i.indexrelid = 'messages_conversation_id_created_at_idx'::regclass
				""").query(Boolean.class).single();
		assertThat(valid).isTrue();
	}

	@Test
	void conversationMessagesShowInChatbotStats() {
		Chatbot chatbot = post("/chatbots", Map.of("shop", "stats.myshopify.com", "name", "Support", "systemPrompt",
				"You answer questions about orders.", "modelName", "gpt-4o-mini"), Chatbot.class);
		assertThat(chatbot.currentVersion()).isEqualTo(1);
		Conversation conversation = post("/chatbots/" + chatbot.id() + "/conversations",
				Map.of("customerId", "customer-1"), Conversation.class);
		post("/conversations/" + conversation.id() + "/messages", Map.of("role", "user", "content", "Where is my order?"),
				Message.class);
		post("/conversations/" + conversation.id() + "/messages",
				Map.of("role", "assistant", "content", "It ships tomorrow."), Message.class);
		RestChecks.getOk(this.client, "/chatbots/{id}/stats", chatbot.id())
			.jsonPath("$.name").isEqualTo("Support")
			.jsonPath("$.conversationCount").isEqualTo(1)
			.jsonPath("$.messageCount").isEqualTo(2)
			.jsonPath("$.lastMessageAt").isNotEmpty();
		RestChecks.getOk(this.client, "/conversations/{id}/messages", conversation.id())
			.jsonPath("$[*].role").isEqualTo(List.of("user", "assistant"));
	}

	@Test
	void newConversationsUseTheChatbotsCurrentVersion() {
		Chatbot chatbot = post("/chatbots", Map.of("shop", "versions.myshopify.com", "name", "Sales", "systemPrompt",
				"You recommend products.", "modelName", "gpt-4o-mini"), Chatbot.class);
		Conversation first = post("/chatbots/" + chatbot.id() + "/conversations", Map.of(), Conversation.class);
		Chatbot updated = post("/chatbots/" + chatbot.id() + "/versions",
				Map.of("systemPrompt", "You recommend products on sale.", "modelName", "gpt-4o"), Chatbot.class);
		Conversation second = post("/chatbots/" + chatbot.id() + "/conversations", Map.of(), Conversation.class);
		assertThat(updated.currentVersion()).isEqualTo(2);
		assertThat(updated.modelName()).isEqualTo("gpt-4o");
		assertThat(first.chatbotVersion()).isEqualTo(1);
		assertThat(second.chatbotVersion()).isEqualTo(2);
	}

	@Test
	void invalidMessageIsBadRequest() {
		this.client.post()
			.uri("/conversations/1/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("role", "robot", "content", "beep"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void unknownChatbotIsNotFound() {
		this.client.get().uri("/chatbots/{id}", Long.MAX_VALUE).exchange().expectStatus().isNotFound();
	}

	@Test
	void healthIsUpWithDatabaseComponent() {
		RestChecks.getOk(this.client, "/actuator/health")
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.db.status").isEqualTo("UP")
			.jsonPath("$.components.db.details.database").isEqualTo("PostgreSQL");
	}

	@Test
	void readinessProbeIsUp() {
		RestChecks.getOk(this.client, "/actuator/health/readiness")
			.jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void infoShowsTheBuild() {
		RestChecks.getOk(this.client, "/actuator/info")
			.jsonPath("$.build.artifact").isEqualTo("ratchet-sample-app");
	}

	private <T> T post(String uri, Object body, Class<T> type) {
		return this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(type)
			.returnResult()
			.getResponseBody();
	}

}
