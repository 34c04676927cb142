package dev.ratchet;

import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.KeysetTestMigration;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An {@link Error} thrown by user code inside Ratchet's transaction: nothing of that transaction is
 * committed, the error reaches the caller, the lock is released, and the run ends with one
 * run-failed event.
 */
class UserCodeErrorIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase()
		.withMigration("V1__item.sql", "CREATE TABLE item (id int PRIMARY KEY, touched int NOT NULL DEFAULT 0);"
				+ "INSERT INTO item (id) SELECT i FROM generate_series(1, 10) i;");

	private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

	static Stream<Supplier<Error>> errors() {
		return Stream.of(() -> new AssertionError("expected 1 but was 2"), StackOverflowError::new,
				() -> new NoClassDefFoundError("com/example/Gone"), () -> new OutOfMemoryError("Java heap space"));
	}

	@ParameterizedTest
	@MethodSource("errors")
	void errorInJavaMigrationCommitsNothing(Supplier<Error> error) {
		Error thrown = error.get();
		JavaMigration migration = new TestJavaMigration("2", "half done", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO item (id) VALUES (100)");
			}
			throw thrown;
		});
		assertThatThrownBy(() -> ratchet(migration).migrate()).isSameAs(thrown);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM item WHERE id = 100")).isZero();
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("1");
		assertRunEndedOnceAndLockFree();
	}

	@ParameterizedTest
	@MethodSource("errors")
	void errorInBatchCommitsNothingOfTheBatch(Supplier<Error> error) {
		Error thrown = error.get();
		Touch failing = new Touch(thrown);
		assertThatThrownBy(() -> ratchet(failing).migrate()).isSameAs(thrown);
		assertThat(Sql.number(this.db, "SELECT sum(touched) FROM item")).isEqualTo(4);
		// Recorded as failed, not left looking as if it still ran.
		assertThat(this.events).filteredOn(MigrationEvent.DataProgressReported.class::isInstance)
			.last()
			.satisfies((event) -> assertThat(((MigrationEvent.DataProgressReported) event).progress().state())
				.isEqualTo(dev.ratchet.data.DataMigrationState.FAILED));
		assertRunEndedOnceAndLockFree();
		ratchet(new Touch(null)).migrate();
		// The first batch of four stays committed; the failed batch's items are processed once, not twice.
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched::text FROM item")).containsExactly("1");
	}

	@ParameterizedTest
	@MethodSource("errors")
	void errorFromTheDataSourceEndsTheRunWithOneFailedEvent(Supplier<Error> error) {
		Error thrown = error.get();
		javax.sql.DataSource broken = new dev.ratchet.internal.DelegatingDataSource(this.db.dataSource()) {
			@Override
			public java.sql.Connection getConnection() {
				throw thrown;
			}
		};
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(broken)
			.locations(this.db.files().location())
			.listeners(this.events::add)
			.build());
		assertThatThrownBy(ratchet::migrate).isSameAs(thrown);
		assertRunEndedOnceAndLockFree();
		assertThat(this.events).isEmpty();
	}

	private void assertRunEndedOnceAndLockFree() {
		assertThat(this.events).filteredOn(MigrationEvent.RunStarted.class::isInstance).hasSize(1);
		assertThat(this.events).filteredOn(
				(event) -> event instanceof MigrationEvent.RunCompleted || event instanceof MigrationEvent.RunFailed)
			.hasSize(1)
			.first()
			.isInstanceOf(MigrationEvent.RunFailed.class);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
				+ "(SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
		this.events.clear();
	}

	private Ratchet ratchet(JavaMigration migration) {
		return new Ratchet(this.db.configure()
			.javaMigrations(migration)
			.listeners(this.events::add)
			.build());
	}

	/**
	 * Touches every item once, four at a time; with an error, throws it in the second batch after
	 * touching that batch's items.
	 */
	private static final class Touch extends KeysetTestMigration {

		private final Error error;

		Touch(Error error) {
			super("2", "touch", "item", BatchOptions.defaults().withBatchSize(4));
			this.error = error;
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> items) throws Exception {
			touch(context, items);
			if (this.error != null && items.get(0) > 4) {
				throw this.error;
			}
		}

	}

}
