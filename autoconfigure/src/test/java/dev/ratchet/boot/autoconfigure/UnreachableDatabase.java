package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * For the tests of properties that only have to reach the engine's configuration: Ratchet's
 * auto-configuration over a data source nobody listens on, with the {@code status} command so that
 * start-up does not connect.
 */
final class UnreachableDatabase {

	private UnreachableDatabase() {
	}

	/**
	 * Returns the context runner: {@link RatchetAutoConfiguration}, the unreachable data source and
	 * {@code ratchet.command=status}.
	 */
	static ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RatchetAutoConfiguration.class))
			.withBean(DataSource.class, UnreachableDatabase::dataSource)
			.withPropertyValues("ratchet.command=status");
	}

	/**
	 * Returns the configuration a Ratchet bean was built with.
	 */
	static RatchetConfiguration configuration(Ratchet ratchet) {
		return ratchet.getConfiguration();
	}

	private static DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:1/none");
		return dataSource;
	}

}
