package dev.ratchet.boot.aot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.ratchet.JavaMigration;
import dev.ratchet.RatchetConfiguration;

/**
 * Registers, at build time, what an AOT-processed or native application needs at run time to find
 * its migrations: the SQL files (and Prisma's {@code migration_lock.toml}) under every
 * {@code classpath:} location of {@code ratchet.locations} (and {@code ratchet.tenants.locations})
 * as the build sees it, and reflection on
 * the classes of its {@link JavaMigration} beans. {@code filesystem:} locations are read from disk
 * and need no hint.
 */
class MigrationLocationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String CLASSPATH = "classpath:";

	/** The properties naming migration locations: the application's, and its tenants' once configured. */
	private static final List<String> LOCATION_PROPERTIES = List.of("ratchet.locations", "ratchet.tenants.locations");

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		Set<String> locations = new LinkedHashSet<>(List.of(RatchetConfiguration.DEFAULT_LOCATION));
		if (beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)
				&& beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME) instanceof Environment environment) {
			Binder binder = Binder.get(environment);
			for (String property : LOCATION_PROPERTIES) {
				binder.bind(property, Bindable.listOf(String.class)).ifBound(locations::addAll);
			}
		}
		Set<Class<?>> migrations = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanNamesForType(JavaMigration.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				migrations.add(ClassUtils.getUserClass(type));
			}
		}
		return (context, code) -> {
			RuntimeHints hints = context.getRuntimeHints();
			locations.forEach((location) -> registerLocation(hints, location));
			migrations.forEach((type) -> hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS));
		};
	}

	/**
	 * Registers the migration files of a {@code classpath:} location as resources; does nothing
	 * for other locations.
	 * @param hints the hints to add to
	 * @param location a location as in {@code ratchet.locations}
	 */
	static void registerLocation(RuntimeHints hints, String location) {
		String trimmed = location.trim();
		if (!trimmed.startsWith(CLASSPATH)) {
			return;
		}
		String path = trimmed.substring(CLASSPATH.length());
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String root = "";
		if (!path.isEmpty()) {
			// the folder itself too, so that a native image can list it
			hints.resources().registerPattern(path);
			root = path + "/";
		}
		hints.resources().registerPattern(root + "**/*.sql");
		hints.resources().registerPattern(root + "**/migration_lock.toml");
	}

}
