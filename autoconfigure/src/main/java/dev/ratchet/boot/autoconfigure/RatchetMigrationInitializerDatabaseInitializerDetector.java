package dev.ratchet.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link RatchetMigrationInitializer}, so that beans
 * that use the database wait for migrations.
 */
class RatchetMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(RatchetMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		// Like Flyway's: before script-based initialization (spring.sql.init), which may need our tables.
		return 1;
	}

}
