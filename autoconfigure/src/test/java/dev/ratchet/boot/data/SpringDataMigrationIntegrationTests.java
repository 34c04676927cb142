package dev.ratchet.boot.data;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java data migrations written with Spring JDBC, declared as beans with constructor injection, on
 * PostgreSQL.
 */
class SpringDataMigrationIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__chatbots.sql", ChatbotMigrations.SCHEMA)
		.withMigration("V2__require_versions.sql",
				"ALTER TABLE chatbots ALTER COLUMN current_version_id SET NOT NULL;");

	private final ApplicationContextRunner contextRunner = RatchetContextRunner.of(this.db)
		.withUserConfiguration(ChatbotMigrations.class);

	@Test
	void springJavaMigrationWritesThroughTheContextsJdbcClientWithInjectedBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Sql.column(this.db, "SELECT shop FROM chatbots ORDER BY id"))
				.containsExactly("a.myshopify.com", "b.myshopify.com", "c.myshopify.com");
			assertThat(Sql.column(this.db, "SELECT version || ' ' || type || ' ' || script FROM ratchet_history "
					+ "ORDER BY installed_rank"))
				.containsExactly("1 SQL V1__chatbots.sql", "1.1 JAVA " + DemoChatbots.class.getName(),
						"1.2 JAVA " + BackfillVersions.class.getName(), "2 SQL V2__require_versions.sql");
			assertThat(Sql.column(this.db, "SELECT v.number || ' ' || v.created_by FROM chatbots c "
					+ "JOIN chatbot_versions v ON v.id = c.current_version_id ORDER BY c.id"))
				.containsExactly("1 ratchet-backfill", "1 ratchet-backfill", "1 ratchet-backfill");
			assertThat(context.getBean(Ratchet.class).dataMigrations()).singleElement()
				.satisfies((data) -> assertThat(data.state()).isEqualTo(DataMigrationState.COMPLETED));
		});
	}

	@Test
	void failingSpringJavaMigrationRollsBackWhatItsJdbcClientWrote() {
		this.contextRunner.withPropertyValues("demo.fail=true").run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("duplicate key value violates unique constraint \"chatbots_shop_key\"");
			assertThat(context).getFailure().hasCauseInstanceOf(MigrationFailedException.class);
			assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbots")).isZero();
			assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
		});
	}

	@Test
	void springBatchedMigrationRecordsItemsThatFailInTheLedger() {
		this.db.files().write("V1_0_1__unversionable.sql", "INSERT INTO refused VALUES ('b.myshopify.com');")
			.write("V2__require_versions.sql", "SELECT 1;");
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Sql.column(this.db, "SELECT item_key || ': ' || error FROM ratchet_history_data_failures"))
				.containsExactly("2: chatbot 2 of shop b.myshopify.com cannot be versioned");
			assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot_versions")).isEqualTo(2);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ DemoChatbots.class, BackfillVersions.class })
	static class ChatbotMigrations {

		static final String SCHEMA = """
				CREATE TABLE chatbots (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, shop text NOT NULL UNIQUE,
				    current_version_id bigint);
				CREATE TABLE chatbot_versions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    chatbot_id bigint NOT NULL REFERENCES chatbots (id), number int NOT NULL, created_by text NOT NULL);
				CREATE TABLE refused (shop text PRIMARY KEY);
				""";

		@Bean
		ShopNames shopNames(org.springframework.core.env.Environment environment) {
			return new ShopNames(environment.getProperty("demo.fail", Boolean.class, false)
					? List.of("a.myshopify.com", "a.myshopify.com") : List.of("a.myshopify.com", "b.myshopify.com",
							"c.myshopify.com"));
		}

		@Bean
		Author author() {
			return new Author("ratchet-backfill");
		}

	}

	/**
	 * A plain application bean that a migration gets injected.
	 */
	record ShopNames(List<String> names) {
	}

	/**
	 * Another one.
	 */
	record Author(String name) {
	}

	/**
	 * A Java migration that gets an application bean injected, through a record's constructor.
	 */
	record DemoChatbots(ShopNames shops) implements SpringJavaMigration {

		@Override
		public String version() {
			return "1.1";
		}

		@Override
		public String description() {
			return "demo chatbots";
		}

		@Override
		public void migrate(JdbcMigrationContext context) {
			for (String shop : this.shops.names()) {
				context.jdbcClient().sql("INSERT INTO chatbots (shop) VALUES (:shop)").param("shop", shop).update();
			}
			assertThat(context.jdbcTemplate().queryForObject("SELECT count(*) FROM chatbots", Long.class))
				.isEqualTo(this.shops.names().size());
		}

	}

	static class BackfillVersions extends SpringKeysetTestMigration {

		private final Author author;

		BackfillVersions(Author author) {
			super("1.2", "create version 1 of every chatbot", "chatbots",
					BatchOptions.defaults().withBatchSize(2).withFailurePolicy(FailurePolicy.skipUpTo(5)));
			this.author = author;
		}

		@Override
		public void process(JdbcMigrationContext context, Long id) {
			String shop = context.jdbcClient().sql("SELECT shop FROM chatbots WHERE id = :id").param("id", id)
				.query(String.class)
				.single();
			boolean refused = context.jdbcTemplate()
				.queryForObject("SELECT EXISTS (SELECT 1 FROM refused WHERE shop = ?)", Boolean.class, shop);
			if (refused) {
				throw new IllegalStateException("chatbot " + id + " of shop " + shop + " cannot be versioned");
			}
			long version = context.jdbcClient()
				.sql("INSERT INTO chatbot_versions (chatbot_id, number, created_by) VALUES (:id, 1, :author) RETURNING id")
				.param("id", id)
				.param("author", this.author.name())
				.query(Long.class)
				.single();
			context.jdbcClient().sql("UPDATE chatbots SET current_version_id = :version WHERE id = :id")
				.param("version", version)
				.param("id", id)
				.update();
		}

	}

}
