package dev.ratchet.data;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.MigrateMain;

/**
 * Runs the {@link Backfill} in a JVM of its own, slowly, so a test can kill it in the middle of a
 * batch. Arguments: JDBC URL, user, location, and optionally {@code ratchet.data.parallelism}.
 */
public final class BatchedMigrateMain {

	private BatchedMigrateMain() {
	}

	public static void main(String[] args) {
		new Ratchet(RatchetConfiguration.builder(MigrateMain.dataSource(args[0], args[1]))
			.locations(args[2])
			.dataParallelism((args.length > 3) ? Integer.parseInt(args[3]) : 1)
			.javaMigrations(new Backfill("1.1").sleepingPerBatch(0.4).options(BatchOptions.defaults().withBatchSize(20)))
			.build()).migrate();
	}

}
