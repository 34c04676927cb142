package dev.ratchet.boot.test;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The context runner of a Boot integration test: Ratchet's auto-configuration (and the given ones),
 * the test's fresh database as the {@link DataSource}, and its migrations folder as
 * {@code ratchet.locations}.
 */
public final class RatchetContextRunner {

	private RatchetContextRunner() {
	}

	/**
	 * Returns a context runner on the test's database and migrations folder.
	 * @param db the test's database, registered with {@code @RegisterExtension}
	 * @param autoConfigurations auto-configurations to add to {@link RatchetAutoConfiguration}
	 * @return the runner
	 */
	public static ApplicationContextRunner of(FreshDatabase db, Class<?>... autoConfigurations) {
		return withoutDataSource(db, autoConfigurations).withBean(DataSource.class, db::dataSource);
	}

	/**
	 * Returns a context runner on the test's migrations folder, for tests that choose the
	 * {@link DataSource} (or none) themselves.
	 * @param db the test's database, registered with {@code @RegisterExtension}
	 * @param autoConfigurations auto-configurations to add to {@link RatchetAutoConfiguration}
	 * @return the runner
	 */
	public static ApplicationContextRunner withoutDataSource(FreshDatabase db, Class<?>... autoConfigurations) {
		List<Class<?>> all = new ArrayList<>(List.of(RatchetAutoConfiguration.class));
		all.addAll(List.of(autoConfigurations));
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(all.toArray(Class<?>[]::new)))
			.withPropertyValues("ratchet.locations=" + db.files().location());
	}

}
