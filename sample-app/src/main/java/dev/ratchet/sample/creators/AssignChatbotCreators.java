package dev.ratchet.sample.creators;

import java.util.List;
import java.util.OptionalLong;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.FailurePolicy;

/**
 * Gives every existing chatbot its shop's creator, and records the creator's user as the author of
 * its versions: the backfill our users ran by hand, as a batched migration. Each batch commits with
 * its cursor, so a killed start-up continues after the last committed batch. A chatbot whose
 * creator has no user cannot get an author: it goes to the ledger of failed items (up to a share
 * of all chatbots), for {@code --ratchet.command=retry-failed} once the creator has a user. V7
 * requires a creator only after this migration completed and verified.
 */
class AssignChatbotCreators implements SpringBatchedMigration<ChatbotToAssign> {

	private final BackfillProperties properties;

	AssignChatbotCreators(BackfillProperties properties) {
		this.properties = properties;
	}

	@Override
	public String version() {
		return "6.2";
	}

	@Override
	public String description() {
		return "assign chatbots their creator";
	}

	@Override
	public String checksum() {
		// Raise it when the logic changes, so that an edit to an applied migration shows as CHANGED.
		return "1";
	}

	@Override
	public BatchOptions options() {
		return BatchOptions.defaults()
			.withBatchSize(this.properties.batchSize())
			.withMaxItemsPerSecond(this.properties.maxItemsPerSecond())
			.withFailurePolicy(FailurePolicy.skipUpToRatio(this.properties.maxFailedRatio()));
	}

	@Override
	public OptionalLong total(JdbcMigrationContext context) {
		return OptionalLong.of(context.jdbcClient()
			.sql("SELECT count(*) FROM chatbots WHERE creator_id IS NULL")
			.query(Long.class)
			.single());
	}

	@Override
	public List<ChatbotToAssign> nextBatch(JdbcMigrationContext context, String after, int limit) {
		return context.jdbcClient()
			.sql("SELECT id, shop FROM chatbots WHERE id > :after AND creator_id IS NULL ORDER BY id LIMIT :limit")
			.param("after", (after != null) ? Long.parseLong(after) : 0)
			.param("limit", limit)
			.query(ChatbotToAssign.class)
			.list();
	}

	@Override
	public String keyOf(ChatbotToAssign chatbot) {
		return String.valueOf(chatbot.id());
	}

	@Override
	public void process(JdbcMigrationContext context, ChatbotToAssign chatbot) {
		Creator creator = context.jdbcClient().sql("""
				SELECT c.id, min(u.user_email) AS user_email
				FROM creators c LEFT JOIN creator_users u ON u.creator_id = c.id
				WHERE c.shop = :shop
				GROUP BY c.id
				""").param("shop", chatbot.shop()).query(Creator.class).optional().orElse(null);
		if (creator == null || creator.userEmail() == null) {
			throw new IllegalStateException("creator " + ((creator != null) ? creator.id() + " " : "") + "of shop "
					+ chatbot.shop() + " has no associated user");
		}
		context.jdbcClient()
			.sql("UPDATE chatbots SET creator_id = :creator WHERE id = :id")
			.param("creator", creator.id())
			.param("id", chatbot.id())
			.update();
		context.jdbcClient()
			.sql("UPDATE chatbot_versions SET created_by = :user WHERE chatbot_id = :id AND created_by IS NULL")
			.param("user", creator.userEmail())
			.param("id", chatbot.id())
			.update();
	}

	@Override
	public List<ChatbotToAssign> find(JdbcMigrationContext context, List<String> keys) {
		return context.jdbcClient()
			.sql("SELECT id, shop FROM chatbots WHERE id IN (:ids) AND creator_id IS NULL")
			.param("ids", keys.stream().map(Long::valueOf).toList())
			.query(ChatbotToAssign.class)
			.list();
	}

	@Override
	public void verify(JdbcMigrationContext context) {
		long unassigned = context.jdbcClient().sql("""
				SELECT count(*) FROM chatbots b
				JOIN creators c ON c.shop = b.shop
				WHERE b.creator_id IS NULL
				  AND EXISTS (SELECT 1 FROM creator_users u WHERE u.creator_id = c.id)
				""").query(Long.class).single();
		if (unassigned > 0) {
			throw new IllegalStateException(unassigned + " chatbots whose creator has a user still have no creator");
		}
	}

	/**
	 * A shop's creator and one of its users, if it has any.
	 */
	record Creator(long id, String userEmail) {
	}

}
