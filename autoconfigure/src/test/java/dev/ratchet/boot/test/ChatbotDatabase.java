package dev.ratchet.boot.test;

import tools.jackson.databind.JsonNode;

import dev.ratchet.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fresh database most Boot integration tests start with: two versioned migrations, a session
 * table ({@value #SESSION}) and a chatbot table ({@value #CHATBOT}).
 */
public final class ChatbotDatabase {

	/** The first migration's script. */
	public static final String SESSION = "V1__create_session_table.sql";

	/** The second migration's script. */
	public static final String CHATBOT = "V2__create_chatbot.sql";

	private ChatbotDatabase() {
	}

	/**
	 * Returns the extension, to register on an instance field.
	 * @return a fresh database whose tests start with both migrations
	 */
	public static FreshDatabase fresh() {
		return new FreshDatabase().withMigration(SESSION, "CREATE TABLE session (id bigint PRIMARY KEY);")
			.withMigration(CHATBOT, "CREATE TABLE chatbot (name text);");
	}

	/**
	 * Returns the extension with a repeatable migration too, a view on the chatbot table.
	 * @return a fresh database whose tests start with all three migrations
	 */
	public static FreshDatabase freshWithView() {
		return fresh().withMigration("R__chatbot_view.sql",
				"CREATE OR REPLACE VIEW chatbot_names AS SELECT name FROM chatbot;");
	}

	/**
	 * Asserts the contract fields of the first migration, applied, as the endpoint and the
	 * {@code status} command's JSON show it.
	 * @param migration the migration's JSON object
	 * @param installedBy the database user that applied it
	 */
	public static void assertSessionMigrationApplied(JsonNode migration, String installedBy) {
		assertThat(migration.get("version").asString()).isEqualTo("1");
		assertThat(migration.get("description").asString()).isEqualTo("create session table");
		assertThat(migration.get("type").asString()).isEqualTo("SQL");
		assertThat(migration.get("script").asString()).isEqualTo(SESSION);
		assertThat(migration.get("checksum").isString()).isTrue();
		assertThat(migration.get("state").asString()).isEqualTo("APPLIED");
		assertThat(migration.get("installedBy").asString()).isEqualTo(installedBy);
	}

}
