package dev.ratchet.testing;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test method a new, empty database on the
 * {@link PostgresServer}, as a {@link Database} or {@link DataSource} parameter, and drops it after
 * the test. Parameters of one test share its database.
 *
 * <pre class="code">
 * &#64;ExtendWith(FreshDatabase.class)
 * class MigrationsTests {
 *
 *     &#64;Test
 *     void everyMigrationApplies(DataSource dataSource) {
 *         MigrationCheck.of("classpath:db/migration").check(dataSource);
 *     }
 *
 * }
 * </pre>
 */
public final class FreshDatabase implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == Database.class || type == DataSource.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Database database = database(extensionContext);
		return (parameterContext.getParameter().getType() == Database.class) ? database : database.dataSource();
	}

	private static Database database(ExtensionContext context) {
		// Stored per test method: JUnit closes it (drops the database) when the method's context ends.
		return context.getStore(NAMESPACE)
			.computeIfAbsent(Database.class, (key) -> PostgresServer.shared().createDatabase(), Database.class);
	}

}
