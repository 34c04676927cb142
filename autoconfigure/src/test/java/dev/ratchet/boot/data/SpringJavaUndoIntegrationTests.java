package dev.ratchet.boot.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationType;
import dev.ratchet.Ratchet;
import dev.ratchet.UndoRefusedException;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link SpringJavaMigration} provides its undo through the {@link JdbcMigrationContext} form,
 * on PostgreSQL; one that does not is refused.
 */
class SpringJavaUndoIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__tags.sql", "CREATE TABLE tags (name text);");

	private Ratchet ratchet(SpringJavaMigration migration) {
		return new Ratchet(this.db.configure().javaMigrations(migration).build());
	}

	@Test
	void springJavaMigrationUndoesThroughItsJdbcClient() {
		SeedTags seed = new SeedTags(true);
		ratchet(seed).migrate();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM tags")).isEqualTo(1);
		assertThat(ratchet(seed).undo("1").undone()).extracting((step) -> step.migration().type())
			.containsExactly(MigrationType.UNDO_JAVA);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM tags")).isZero();
	}

	@Test
	void springJavaMigrationWithoutUndoIsRefused() {
		SeedTags seed = new SeedTags(false);
		ratchet(seed).migrate();
		assertThatExceptionOfType(UndoRefusedException.class).isThrownBy(() -> ratchet(seed).undo("1"))
			.withMessageContaining(SeedTags.class.getName() + " (version 1.1) cannot be undone: it has no undo");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM tags")).isEqualTo(1);
	}

	/**
	 * Seeds a tag; its undo deletes it.
	 * @param version its version
	 * @param description its description
	 * @param canUndo whether it offers its undo (the accessor implements {@link #canUndo()})
	 */
	private record SeedTags(String version, String description, boolean canUndo) implements SpringJavaMigration {

		SeedTags(boolean canUndo) {
			this("1.1", "seed tags", canUndo);
		}

		@Override
		public void migrate(JdbcMigrationContext context) {
			context.jdbcClient().sql("INSERT INTO tags VALUES ('new')").update();
		}

		@Override
		public void undo(JdbcMigrationContext context) {
			context.jdbcClient().sql("DELETE FROM tags WHERE name = 'new'").update();
		}

	}

}
