package dev.ratchet.sample.creators;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ratchet.JavaMigration;
import dev.ratchet.testing.MigrationCheck;
import dev.ratchet.testing.MigrationsTest;

import static dev.ratchet.testing.MigrationCheck.assertVerifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's migrations checked with Ratchet's test kit, as a service checks its own in CI: the
 * {@code @MigrationsTest} slice migrates a fresh database with the SQL files and the creators
 * data migrations, the backfill's verify step is checked on fixture rows, and the undo scripts of
 * the versions above the batched data migration 6.2 (which has no undo) round-trip on another fresh
 * database.
 */
@MigrationsTest
class CreatorsMigrationsIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AssignChatbotCreators assignChatbotCreators;

	@Autowired
	private List<JavaMigration> javaMigrations;

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
	void undoScriptsAboveTheBatchedDataMigrationRoundTrip() {
		MigrationCheck check = MigrationCheck.of("classpath:db/migration")
			.javaMigrations(this.javaMigrations.toArray(JavaMigration[]::new));
		assertThat(check.undoRoundTripAbove("6.2").checkOnFreshDatabase().applied())
			.extracting((applied) -> applied.migration().script())
			.endsWith("R__chatbot_stats_view.sql", "V7__require_chatbot_creators.sql");
		// migrated one version at a time, the repeatable view is applied with the first step
		// below 6.2 the batched data migration, which has no undo, stops the round trip, naming itself
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> check.undoRoundTripAbove("5.1").checkOnFreshDatabase())
			.withMessageContaining("6.2")
			.withMessageContaining(AssignChatbotCreators.class.getName());
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
