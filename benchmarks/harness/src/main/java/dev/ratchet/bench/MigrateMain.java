package dev.ratchet.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.Statement;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

/**
 * The child process of the multi-process and large-file scenarios: migrates one database and prints
 * {@code BENCH-DONE <applied> <ms> <peak heap MB> <peak live heap MB>}. The peak heap is sampled every
 * 5 ms; the live heap is the most any heap pool held right after a garbage collection.
 * <p>
 * Arguments: {@code ratchet|flyway|connect} url user password location ({@code connect} only
 * connects, runs one query and exits: the floor of starting a JVM that talks to PostgreSQL).
 */
public final class MigrateMain {

	private static volatile long peakUsed;

	private static long maxAfterGc;

	private MigrateMain() {
	}

	public static void main(String[] args) throws Exception {
		watchCollections();
		Thread sampler = new Thread(MigrateMain::sampleHeap, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[1]);
		dataSource.setUser(args[2]);
		if (!"-".equals(args[3])) {
			dataSource.setPassword(args[3]);
		}
		long start = System.nanoTime();
		int applied = switch (args[0]) {
			case "ratchet" -> new Ratchet(RatchetConfiguration.builder(dataSource).locations(args[4]).build()).migrate()
				.applied()
				.size();
			case "flyway" -> Flyway.configure().dataSource(dataSource).locations(args[4]).load().migrate().migrationsExecuted;
			case "connect" -> {
				try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
					statement.execute("SELECT 1");
				}
				yield 0;
			}
			default -> throw new IllegalArgumentException(args[0]);
		};
		long millis = (System.nanoTime() - start) / 1_000_000;
		sampleOnce();
		System.out.println("BENCH-DONE " + applied + " " + millis + " " + peakUsed / (1024 * 1024) + " "
				+ maxAfterGc / (1024 * 1024));
	}

	/**
	 * Tracks the heap in use right after each collection, the most over the run: what the run keeps
	 * (an upper bound, since an old generation left uncollected counts whole).
	 */
	private static void watchCollections() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener((notification, handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
						GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
							.from((CompositeData) notification.getUserData());
						long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
							.mapToLong(MemoryUsage::getUsed).sum();
						synchronized (MigrateMain.class) {
							maxAfterGc = Math.max(maxAfterGc, used);
						}
					}
				}, null, null);
			}
		}
	}

	private static void sampleHeap() {
		while (true) {
			sampleOnce();
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private static void sampleOnce() {
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		if (used > peakUsed) {
			peakUsed = used;
		}
	}

}
