package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Ratchet while the application context is refreshed. Beans that use the database (JPA's
 * {@code EntityManagerFactory}, {@code JdbcTemplate}, {@code JdbcClient} and beans annotated with
 * {@code @DependsOnDatabaseInitialization}) are created after it. Without a strategy it calls
 * {@link Ratchet#migrateUntilBackground()}: background data migrations, and the versions after
 * them, are left for the {@link dev.ratchet.boot.data.BackgroundMigrationRunner} once the
 * application is ready.
 */
public class RatchetMigrationInitializer implements InitializingBean {

	private final Ratchet ratchet;

	private final RatchetMigrationStrategy strategy;

	/**
	 * Creates a new initializer.
	 * @param ratchet the engine
	 * @param strategy the strategy, or {@code null} to call {@link Ratchet#migrateUntilBackground()}
	 */
	public RatchetMigrationInitializer(Ratchet ratchet, RatchetMigrationStrategy strategy) {
		this.ratchet = ratchet;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy != null) {
			this.strategy.migrate(this.ratchet);
		}
		else {
			this.ratchet.migrateUntilBackground();
		}
	}

}
