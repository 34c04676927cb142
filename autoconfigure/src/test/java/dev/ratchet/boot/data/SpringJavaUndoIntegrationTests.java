package dev.ratchet.boot.data;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrationType;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.UndoRefusedException;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link SpringJavaMigration} provides its undo through the {@link JdbcMigrationContext} form,
 * on PostgreSQL; one that does not is refused.
 */
class SpringJavaUndoIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private MigrationFiles files;

	@BeforeEach
	void writeMigrations() {
		this.files = this.db.files().write("V1__tags.sql", "CREATE TABLE tags (name text);");
	}

	private Ratchet ratchet(SpringJavaMigration migration) {
		return new Ratchet(RatchetConfiguration.builder(this.db.dataSource())
			.locations(this.files.location())
			.javaMigrations(migration)
			.build());
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

	private static final class SeedTags implements SpringJavaMigration {

		private final boolean undoable;

		SeedTags(boolean undoable) {
			this.undoable = undoable;
		}

		@Override
		public String version() {
			return "1.1";
		}

		@Override
		public String description() {
			return "seed tags";
		}

		@Override
		public void migrate(JdbcMigrationContext context) {
			context.jdbcClient().sql("INSERT INTO tags VALUES ('new')").update();
		}

		@Override
		public boolean canUndo() {
			return this.undoable;
		}

		@Override
		public void undo(JdbcMigrationContext context) {
			context.jdbcClient().sql("DELETE FROM tags WHERE name = 'new'").update();
		}

	}

}
