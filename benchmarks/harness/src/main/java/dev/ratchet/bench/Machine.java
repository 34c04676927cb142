package dev.ratchet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the figures were measured on, and how busy it was.
 */
final class Machine {

	private Machine() {
	}

	static String cpu() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown");
		}
		catch (IOException ex) {
			return System.getProperty("os.arch");
		}
	}

	static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min)";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String describe() {
		return "- date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\n"
				+ "- CPU: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible (nproc)\n"
				+ "- memory: " + memory() + "\n"
				+ "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
				+ "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> line.replaceAll("\\s+", " "))
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
