package dev.ratchet.boot.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.core.env.Environment;

/**
 * A {@link DatabaseInitializerDetector} for {@link RatchetMigrationInitializer}, so that beans
 * that use the database wait for migrations. With {@code ratchet.enabled=false} it looks for
 * nothing, so that a switched-off starter does not even load the engine's classes.
 */
class RatchetMigrationInitializerDatabaseInitializerDetector implements DatabaseInitializerDetector {

	@Override
	public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
		Environment environment = beanFactory.containsBean("environment")
				? beanFactory.getBean("environment", Environment.class) : null;
		if (environment != null && !environment.getProperty("ratchet.enabled", Boolean.class, true)) {
			return Set.of();
		}
		return Set.of(beanFactory.getBeanNamesForType(RatchetMigrationInitializer.class, true, false));
	}

	@Override
	public int getOrder() {
		// Like Flyway's: before script-based initialization (spring.sql.init), which may need our tables.
		return 1;
	}

}
