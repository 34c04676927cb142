package dev.ratchet.boot.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.assertj.core.api.AbstractThrowableAssert;

import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

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

	/**
	 * Runs the context with the given properties, checks that it started, and hands it to the
	 * consumer.
	 * @param runner the runner
	 * @param consumer what the test checks in the started context
	 * @param properties properties to add, {@code key=value}
	 */
	public static void runStarted(ApplicationContextRunner runner,
			ContextConsumer<AssertableApplicationContext> consumer, String... properties) {
		runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			consumer.accept(context);
		});
	}

	/**
	 * Runs the context, checks that its start-up failed, and returns an assertion on the root cause
	 * of the failure.
	 * @param runner the runner
	 * @return the assertion
	 */
	public static AbstractThrowableAssert<?, ? extends Throwable> startupFailure(ApplicationContextRunner runner) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		runner.run((context) -> {
			assertThat(context).hasFailed();
			failure.set(context.getStartupFailure());
		});
		return assertThat(failure.get()).rootCause();
	}

}
