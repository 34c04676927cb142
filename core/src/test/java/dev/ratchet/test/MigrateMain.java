package dev.ratchet.test;

import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

/**
 * Runs one migration in a JVM of its own, so a test can kill it mid-migration.
 * Arguments: JDBC URL, user, location.
 */
public final class MigrateMain {

	private MigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		String password = System.getenv("RATCHET_TEST_JDBC_PASSWORD");
		if (password != null) {
			dataSource.setPassword(password);
		}
		new Ratchet(RatchetConfiguration.builder(dataSource).locations(args[2]).build()).migrate();
	}

}
