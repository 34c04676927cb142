package dev.ratchet.boot.test;

import java.util.OptionalLong;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.data.BatchOptions;

/**
 * The origin story's backfill as a test migration (version 1.1 over table {@code chatbot}): gives each
 * chatbot its creator's user as owner; a creator without a user fails the item ("creator 7 has no
 * associated user").
 */
public abstract class AssignOwnersMigration extends SpringKeysetTestMigration {

	/**
	 * The tables it runs over, as a first migration: 20 chatbots, of which the creators of 4 and 9
	 * have no user.
	 */
	public static final String CHATBOTS = """
			CREATE TABLE creator_user (creator_id bigint PRIMARY KEY, email text NOT NULL);
			CREATE TABLE chatbot (id bigint PRIMARY KEY, creator_id bigint NOT NULL, owner text);
			INSERT INTO chatbot SELECT i, i FROM generate_series(1, 20) i;
			INSERT INTO creator_user SELECT i, 'user' || i || '@example.com' FROM generate_series(1, 20) i
			WHERE i NOT IN (4, 9);
			""";

	protected AssignOwnersMigration(String description, BatchOptions options) {
		super("1.1", description, "chatbot", options);
	}

	@Override
	public OptionalLong total(JdbcMigrationContext context) {
		return OptionalLong.of(context.jdbcClient().sql("SELECT count(*) FROM chatbot").query(Long.class).single());
	}

	@Override
	public void process(JdbcMigrationContext context, Long id) {
		int updated = context.jdbcClient().sql("""
				UPDATE chatbot c SET owner = u.email FROM creator_user u
				WHERE u.creator_id = c.creator_id AND c.id = :id""").param("id", id).update();
		if (updated == 0) {
			throw new IllegalStateException("creator " + id + " has no associated user");
		}
	}

}
