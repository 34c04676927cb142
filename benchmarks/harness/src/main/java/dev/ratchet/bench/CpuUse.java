package dev.ratchet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * CPU time spent between two snapshots, from Linux's {@code /proc}: by the whole machine (busy and
 * total, in clock ticks, all cores), by this JVM, and by the PostgreSQL backends of the benchmark's
 * database (its pools' connections, open before the first snapshot and still after the second). It
 * tells whether a run was bound by CPU, and how much of the machine the run itself got while other
 * work shared it.
 */
record CpuUse(long busyTicks, long totalTicks, long jvmNanos, Map<Integer, Long> backendTicks) {

	private static final double TICKS_PER_SECOND = 100;

	private static final String BACKENDS = """
			SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'""";

	static CpuUse now(DataSource database) throws SQLException {
		long busy = 0;
		long total = 0;
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			for (int i = 1; i < cpu.length; i++) {
				long ticks = Long.parseLong(cpu[i]);
				total += ticks;
				// idle and iowait
				if (i != 4 && i != 5) {
					busy += ticks;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux: no figures.
		}
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		Map<Integer, Long> backends = new HashMap<>();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(BACKENDS)) {
			while (rs.next()) {
				int pid = rs.getInt(1);
				long ticks = ticks(pid);
				if (ticks >= 0) {
					backends.put(pid, ticks);
				}
			}
		}
		return new CpuUse(busy, total, jvm, backends);
	}

	/** A process's user and system time in clock ticks, or -1 if it cannot be read (gone, or not here). */
	private static long ticks(int pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime, fields 14 and 15 of the line, 12 and 13 after the name
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Describes the use since {@code before}, over {@code seconds} of wall time, for {@code items} items.
	 */
	String since(CpuUse before, double seconds, long items) {
		long total = this.totalTicks - before.totalTicks;
		if (total <= 0) {
			return "CPU use unknown";
		}
		double busy = 100.0 * (this.busyTicks - before.busyTicks) / total;
		double jvm = (this.jvmNanos - before.jvmNanos) / 1e9;
		long ticks = 0;
		for (Map.Entry<Integer, Long> backend : this.backendTicks.entrySet()) {
			Long earlier = before.backendTicks.get(backend.getKey());
			if (earlier != null) {
				ticks += backend.getValue() - earlier;
			}
		}
		double postgres = ticks / TICKS_PER_SECOND;
		return String.format("machine CPU busy %.0f%%; this JVM %.1f s CPU, its PostgreSQL backends %.1f s: together "
				+ "%.2f cores of %d; %.0f µs CPU per item", busy, jvm, postgres, (jvm + postgres) / seconds,
				Runtime.getRuntime().availableProcessors(), (jvm + postgres) * 1e6 / items);
	}

}
