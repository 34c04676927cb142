package dev.ratchet.sample.creators;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringJavaMigration;

/**
 * Demo data, so that the sample shows the creators backfill on chatbots that existed before it:
 * shops with staff sessions, five chatbots per shop with their version 1 and a conversation each.
 * Every tenth shop has no staff session, so its creator will have no user. A real service does not
 * seed data in a migration; this simple Java migration runs in one transaction with its history
 * row, and gets its settings injected like any bean.
 */
class DemoShops implements SpringJavaMigration {

	private static final int CHATBOTS_PER_SHOP = 5;

	private final DemoDataProperties properties;

	DemoShops(DemoDataProperties properties) {
		this.properties = properties;
	}

	@Override
	public String version() {
		return "5.1";
	}

	@Override
	public String description() {
		return "demo shops, chatbots and conversations";
	}

	@Override
	public void migrate(JdbcMigrationContext context) {
		int shops = (this.properties.chatbots() + CHATBOTS_PER_SHOP - 1) / CHATBOTS_PER_SHOP;
		context.jdbcClient().sql("""
				INSERT INTO session (id, shop, state, is_online, access_token, email, account_owner)
				SELECT 'demo-' || s, 'demo-' || s || '.myshopify.com', 'demo', true, 'demo-token-' || s,
					'owner@demo-' || s || '.example', true
				FROM generate_series(1, :shops) s
				WHERE s % 10 <> 0
				""").param("shops", shops).update();
		context.jdbcClient().sql("""
				INSERT INTO chatbots (shop, name)
				SELECT 'demo-' || ((n - 1) / :perShop + 1) || '.myshopify.com', 'Demo bot ' || n
				FROM generate_series(1, :chatbots) n
				""").param("perShop", CHATBOTS_PER_SHOP).param("chatbots", this.properties.chatbots()).update();
		context.jdbcClient().sql("""
				INSERT INTO chatbot_versions (chatbot_id, version_number, system_prompt, model_name)
				SELECT id, 1, 'You answer questions about ' || shop || '.', 'gpt-4o-mini'
				FROM chatbots WHERE current_version_id IS NULL
				""").update();
		context.jdbcClient().sql("""
				UPDATE chatbots c SET current_version_id = v.id
				FROM chatbot_versions v
				WHERE v.chatbot_id = c.id AND c.current_version_id IS NULL
				""").update();
		context.jdbcClient().sql("""
				INSERT INTO conversations (chatbot_id, chatbot_version_id, customer_id)
				SELECT id, current_version_id, 'demo-customer-' || id FROM chatbots
				""").update();
	}

}
