package dev.ratchet.data;

import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

/**
 * Runs the {@link Backfill} in a JVM of its own, slowly, so a test can kill it in the middle of a
 * batch. Arguments: JDBC URL, user, location.
 */
public final class BatchedMigrateMain {

	private BatchedMigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		String password = System.getenv("RATCHET_TEST_JDBC_PASSWORD");
		if (password != null) {
			dataSource.setPassword(password);
		}
		new Ratchet(RatchetConfiguration.builder(dataSource)
			.locations(args[2])
			.javaMigrations(new Backfill("1.1").sleepingPerBatch(0.4).options(BatchOptions.defaults().withBatchSize(20)))
			.build()).migrate();
	}

}
