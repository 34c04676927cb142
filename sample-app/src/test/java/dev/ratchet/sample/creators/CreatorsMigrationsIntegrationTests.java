package dev.ratchet.sample.creators;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ratchet.testing.MigrationsTest;

import static dev.ratchet.testing.MigrationCheck.assertVerifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's migrations checked with Ratchet's test kit, as a service checks its own in CI: the
 * {@code @MigrationsTest} slice migrates a fresh database with the SQL files and the creators
 * data migrations, and the backfill's verify step is checked on fixture rows.
 */
@MigrationsTest
class CreatorsMigrationsIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AssignChatbotCreators assignChatbotCreators;

	@Test
	void everyMigrationAppliesWithTheDataMigrationsInOrder() {
		List<String> scripts = this.jdbc.sql("SELECT script FROM ratchet_history WHERE success ORDER BY installed_rank")
			.query(String.class)
			.list();
		assertThat(scripts).containsExactly("V1__create_session_table.sql", "V2__create_chatbots.sql",
				"V3__create_conversations_and_messages.sql", "V4__add_chatbot_versions.sql",
				"V5__index_messages_concurrently.sql", DemoShops.class.getName(), "V6__add_chatbot_creators.sql",
				AssignChatbotCreators.class.getName(), "V7__require_chatbot_creators.sql", "R__chatbot_stats_view.sql");
	}

	@Test
	void backfillVerifyFailsOnceAnOrphansCreatorHasAUser() {
		assertVerifies(this.assignChatbotCreators, this.dataSource);
		Long creator = this.jdbc.sql("""
				SELECT c.id FROM creators c JOIN chatbots b ON b.shop = c.shop
				WHERE b.creator_id IS NULL LIMIT 1
				""").query(Long.class).single();
		this.jdbc.sql("INSERT INTO creator_users (creator_id, user_email) VALUES (?, 'fixture@example.com')")
			.param(creator)
			.update();
		try {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertVerifies(this.assignChatbotCreators, this.dataSource))
				.withMessageContaining("chatbots whose creator has a user still have no creator");
		}
		finally {
			this.jdbc.sql("DELETE FROM creator_users WHERE user_email = 'fixture@example.com'").update();
		}
	}

}
