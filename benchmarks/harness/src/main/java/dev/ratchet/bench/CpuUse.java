package dev.ratchet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent between two snapshots, from Linux's {@code /proc}: by the whole machine (busy and
 * total, in clock ticks, all cores), by this JVM, and by all PostgreSQL server processes visible here
 * (the benchmark's backends and any other database user's). It tells whether a run was bound by CPU:
 * a 2-core machine busy 95% of the time can go no faster by adding workers.
 */
record CpuUse(long busyTicks, long totalTicks, long jvmNanos, long postgresTicks) {

	private static final double TICKS_PER_SECOND = 100;

	static CpuUse now() {
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
		return new CpuUse(busy, total, jvm, readPostgresTicks());
	}

	private static long readPostgresTicks() {
		long ticks = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					int close = stat.lastIndexOf(')');
					String name = stat.substring(stat.indexOf('(') + 1, close);
					if (name.startsWith("postgres")) {
						String[] fields = stat.substring(close + 2).split(" ");
						// utime and stime, fields 14 and 15 of the line, 12 and 13 after the name
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (IOException | RuntimeException ex) {
					// The process ended meanwhile.
				}
			}
		}
		catch (IOException ex) {
			// Not Linux.
		}
		return ticks;
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
		double postgres = (this.postgresTicks - before.postgresTicks) / TICKS_PER_SECOND;
		return String.format("machine CPU busy %.0f%%; this JVM %.1f s CPU, PostgreSQL %.1f s CPU (%.2f cores); "
				+ "%.0f µs CPU per item", busy, jvm, postgres, (jvm + postgres) / seconds, (jvm + postgres) * 1e6 / items);
	}

}
